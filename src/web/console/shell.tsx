/** @jsxImportSource hono/jsx */
/** The console's page frame: the layout with the console navigation and the signed-in user. */
import type { Context } from 'hono';
import { renderPage } from '../components/page.tsx';
import type { AppEnv } from '../env.ts';

export function consolePage(
  c: Context<AppEnv>,
  site: string,
  title: string,
  body: unknown,
  status: 200 | 400 | 422 = 200,
) {
  return renderPage(c, site, title, body, { status, console: true });
}

/** A hidden CSRF field for a form. */
export const Csrf = (props: { c: Context<AppEnv> }) => (
  <input type="hidden" name="_csrf" value={props.c.get('csrfToken')} />
);
