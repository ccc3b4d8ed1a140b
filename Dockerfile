# gongkai in production: `docker compose up -d` (compose.yaml) runs it beside PostgreSQL 16.
# tsx runs the TypeScript at start (it is a dependency, not a dev dependency), so there is no build step.
FROM node:20-slim

# pg_dump / pg_restore 16 for `gongkai backup` and `gongkai restore` against the PostgreSQL 16 server
# (Debian's own client is 15, too old to dump a 16 server): from the PostgreSQL project's apt repository.
RUN apt-get update \
  && apt-get install -y --no-install-recommends ca-certificates postgresql-common \
  && /usr/share/postgresql-common/pgdg/apt.postgresql.org.sh -y \
  && apt-get install -y --no-install-recommends postgresql-client-16 \
  && apt-get purge -y --auto-remove postgresql-common \
  && rm -rf /var/lib/apt/lists/*

WORKDIR /app
ENV NODE_ENV=production PORT=3000 GONGKAI_DATA=/app/data
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY tsconfig.json ./
COPY bin bin
COPY drizzle drizzle
COPY schema schema
COPY src src
RUN mkdir -p /app/data /app/backups && chown node:node /app/data /app/backups

USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD node -e "fetch('http://127.0.0.1:3000/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# node itself runs the server (tsx registered in-process), so `docker stop`'s SIGTERM reaches it: it finishes
# the requests in flight and closes the database before it exits.
ENTRYPOINT ["node", "--import", "tsx", "src/cli/main.ts"]
CMD ["serve"]
