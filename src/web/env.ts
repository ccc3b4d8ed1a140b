/**
 * The Hono environment of the web app: what middleware puts on the context for pages and API routes.
 */
import type { SessionUser } from '../auth/roles.ts';
import type { Logger } from '../log.ts';

export type { SessionUser };

export interface AppEnv {
  Variables: {
    user: SessionUser | null;
    csrfToken: string;
    /** 简 / 繁 */
    script: 'hans' | 'hant';
    /** 适老化 large-text mode */
    largeText: boolean;
    /** The site's public origin behind a reverse proxy (GONGKAI_PUBLIC_URL), else undefined. */
    publicOrigin: string | undefined;
    /** This request's id (X-Request-Id), src/web/request-log.ts. */
    requestId: string;
    /** The logger bound to this request's id: log actions and errors with it. */
    log: Logger;
  };
}
