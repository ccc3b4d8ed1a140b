/**
 * The Hono environment of the web app: what middleware puts on the context for pages and API routes.
 */
import type { SessionUser } from '../auth/roles.ts';

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
  };
}
