/** @jsxImportSource hono/jsx */
/** The console's page frame: the layout with the console navigation and the signed-in user. */
import type { Context } from 'hono';
import { Layout } from '../components/layout.tsx';
import type { AppEnv } from '../env.ts';

export function consolePage(
  c: Context<AppEnv>,
  site: string,
  title: string,
  body: unknown,
  status: 200 | 400 | 422 = 200,
) {
  return c.html(
    <Layout
      title={title}
      site={site}
      path={c.req.path}
      user={c.get('user')}
      csrf={c.get('csrfToken')}
      largeText={c.get('largeText')}
      script={c.get('script')}
      console
    >
      {body as never}
    </Layout>,
    status,
  );
}

/** A hidden CSRF field for a form. */
export const Csrf = (props: { c: Context<AppEnv> }) => (
  <input type="hidden" name="_csrf" value={props.c.get('csrfToken')} />
);
