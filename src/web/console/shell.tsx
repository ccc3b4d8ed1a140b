/** @jsxImportSource hono/jsx */
/** The console's page frame: the layout with the console navigation and the signed-in user. */
import type { Context, Hono } from 'hono';
import { requireUser } from '../auth.tsx';
import { renderPage } from '../components/page.tsx';
import type { AppEnv, SessionUser } from '../env.ts';

export function consolePage(
  c: Context<AppEnv>,
  site: string,
  title: string,
  body: unknown,
  status: 200 | 400 | 409 | 422 = 200,
) {
  return renderPage(c, site, title, body, { status, console: true });
}

/** A hidden CSRF field for a form. */
export const Csrf = (props: { c: Context<AppEnv> }) => (
  <input type="hidden" name="_csrf" value={props.c.get('csrfToken')} />
);

/** A text field of a parsed form ('' when absent or a file). */
export const str = (v: unknown) => (typeof v === 'string' ? v : '');

export interface RecordForm {
  user: SessionUser;
  /** The record's id from the path. */
  id: number;
  /** The version the form was rendered with; a stale form is refused by the action. */
  version: number | undefined;
  form: Record<string, unknown>;
}

/**
 * A console form posted to `<base>/:id/<path>`: runs one action on the record, then shows the record again
 * (303). `base` is '/console/cases' or '/console/catalog'.
 */
export function postRecordAction(
  app: Hono<AppEnv>,
  base: string,
  path: string,
  run: (input: RecordForm) => Promise<unknown>,
) {
  app.post(`${base}/:id{[0-9]+}/${path}`, async (c) => {
    const user = requireUser(c);
    const form = await c.req.parseBody();
    const id = Number(c.req.param('id'));
    const version = Number(str(form.version));
    await run({ user, id, version: Number.isInteger(version) && version > 0 ? version : undefined, form });
    return c.redirect(`${base}/${id}`, 303);
  });
}
