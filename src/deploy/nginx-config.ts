/**
 * nginx in front of several `gongkai serve` instances (issue #18): one upstream of every instance, requests
 * spread round-robin (no sticky sessions: sessions, rate limits and the page cache's invalidation live in
 * PostgreSQL), connections to the instances kept alive, the client's address appended to X-Forwarded-For
 * (run the instances with GONGKAI_TRUSTED_PROXIES=1 and HOST=127.0.0.1). The deployment guide
 * (docs/deploy-province.md) prints this; the scale-out test and bench run nginx on it in a temp directory.
 */

export interface NginxOptions {
  /** host:port of each instance. */
  upstreams: string[];
  /** Where nginx listens, e.g. '127.0.0.1:8080' or '443 ssl'. */
  listen: string;
  /**
   * A directory of its own (pid, logs, temp files), for running nginx unprivileged or in a test
   * (`nginx -p <prefix> -c <prefix>/nginx.conf`); absent for the system's nginx, whose own paths stand.
   */
  prefix?: string;
  /** Worker processes (default 'auto': one per core). */
  workers?: number | 'auto';
  /** The largest request body: the application form with its files (src/web/security/body-limit.ts). */
  clientMaxBodySize?: string;
}

/** The http block's server and upstream, for /etc/nginx/sites-available/gongkai. */
export function nginxSite(opts: NginxOptions): string {
  return `upstream gongkai {
${opts.upstreams.map((u) => `    server ${u} max_fails=3 fail_timeout=10s;`).join('\n')}
    keepalive 64;
}

server {
    listen ${opts.listen};
    client_max_body_size ${opts.clientMaxBodySize ?? '60m'};
    # The instances stream large uploads themselves and cap them by route.
    proxy_request_buffering off;

    location / {
        proxy_pass http://gongkai;
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
        # An instance that is restarting (SIGTERM drains it) hands the request to the next one.
        proxy_next_upstream error timeout http_502 http_503;
        proxy_read_timeout 120s;
    }
}
`;
}

/** A whole nginx.conf around `nginxSite`, self-contained under `opts.prefix`. */
export function nginxConf(opts: NginxOptions & { prefix: string }): string {
  const p = opts.prefix;
  const site = nginxSite(opts)
    .split('\n')
    .map((line) => (line ? `    ${line}` : line))
    .join('\n');
  return `worker_processes ${opts.workers ?? 'auto'};
pid ${p}/nginx.pid;
error_log ${p}/error.log warn;
daemon off;

events {
    worker_connections 4096;
}

http {
    access_log off;
    client_body_temp_path ${p}/client_body;
    proxy_temp_path ${p}/proxy;
    fastcgi_temp_path ${p}/fastcgi;
    uwsgi_temp_path ${p}/uwsgi;
    scgi_temp_path ${p}/scgi;

${site}}
`;
}
