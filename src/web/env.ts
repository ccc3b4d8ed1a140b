/**
 * The Hono environment of the web app: what middleware puts on the context for pages and API routes.
 */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: 'staff' | 'office_head' | 'reviewer' | 'supervisor' | 'admin';
  agencyId: number;
}

export interface AppEnv {
  Variables: {
    user: SessionUser | null;
    csrfToken: string;
    /** 简 / 繁 */
    script: 'hans' | 'hant';
    /** 适老化 large-text mode */
    largeText: boolean;
  };
}
