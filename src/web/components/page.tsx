/** @jsxImportSource hono/jsx */
/** A page in the site's layout, with what the request's context knows (user, CSRF token, 简/繁, 适老化). */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { publicAddress } from '../../public-url.ts';
import type { AppEnv } from '../env.ts';
import { pageQr } from '../qr.ts';
import { Layout } from './layout.tsx';

export async function renderPage(
  c: Context<AppEnv>,
  site: string,
  title: string,
  body: unknown,
  opts: {
    status?: ContentfulStatusCode;
    console?: boolean;
    /** The QR code's address and caption when it is not this page (a receipt points at its tracking page). */
    qr?: { path: string; caption: string };
  } = {},
) {
  const qrUrl = opts.qr ? new URL(opts.qr.path, c.req.url).href : c.req.url;
  return c.html(
    <Layout
      title={title}
      site={site}
      path={c.req.path}
      user={c.get('user')}
      csrf={c.get('csrfToken')}
      largeText={c.get('largeText')}
      script={c.get('script')}
      console={opts.console}
      qrSvg={opts.console ? undefined : await pageQr(publicAddress(qrUrl, c.get('publicOrigin')))}
      qrCaption={opts.qr?.caption}
    >
      {body as never}
    </Layout>,
    opts.status ?? 200,
  );
}
