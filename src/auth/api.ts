/**
 * The JSON API of user administration, a Hono sub-app the web mounts at /api/admin: the same actions as the
 * console's 用户管理 and `gongkai user`. Only a 系统管理员 gets past each action's first line.
 *
 * @example
 * POST /api/admin/users {"username":"li.na","displayName":"李娜","agencyId":3,"role":"staff"}
 *   → 201 {"user":{…},"oneTimePassword":"…"}
 * POST /api/admin/users/7/reset-password → {"oneTimePassword":"…"}
 * POST /api/admin/agencies {"name":"某县医疗保障局","kind":"department","parentId":1,"creditCode":""} → 201
 * POST /api/admin/agencies/9/move {"parentId":12} → {"ok":true}
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { addAgency } from '../agencies/actions/add-agency.ts';
import { moveAgency } from '../agencies/actions/move-agency.ts';
import { renameAgency } from '../agencies/actions/rename-agency.ts';
import { setAgencyCourt } from '../agencies/actions/set-agency-court.ts';
import { setAgencyCreditCode } from '../agencies/actions/set-agency-credit-code.ts';
import { signedInUser } from '../api-input.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { addUser } from './actions/add-user.ts';
import { requireAdmin } from './actions/admin-only.ts';
import { changeUserRole } from './actions/change-user-role.ts';
import { agencyChoices } from './actions/list-agencies.ts';
import { listUsers } from './actions/list-users.ts';
import { resetPassword } from './actions/reset-password.ts';
import { setUserDisabled } from './actions/set-user-disabled.ts';
import { unlockUser } from './actions/unlock-user.ts';
import type { SessionUser } from './roles.ts';

interface AdminEnv {
  Variables: { user: SessionUser | null };
}

async function body(c: { req: { json(): Promise<unknown> } }): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    return {};
  }
}

const userId = z.coerce.number().int().positive();

export function adminApi(deps: { db: Db; clock: Clock }) {
  const app = new Hono<AdminEnv>();
  app.get('/users', async (c) => c.json(await listUsers(deps.db, signedInUser(c))));
  app.post('/users', async (c) => c.json(await addUser(deps, { actor: signedInUser(c), user: await body(c) }), 201));
  app.post('/users/:id{[0-9]+}/reset-password', async (c) =>
    c.json(await resetPassword(deps, { actor: signedInUser(c), userId: userId.parse(c.req.param('id')) })),
  );
  app.post('/users/:id{[0-9]+}/unlock', async (c) => {
    await unlockUser(deps, { actor: signedInUser(c), userId: userId.parse(c.req.param('id')) });
    return c.json({ ok: true });
  });
  app.post('/users/:id{[0-9]+}/disable', async (c) => {
    await setUserDisabled(deps, { actor: signedInUser(c), userId: userId.parse(c.req.param('id')), disabled: true });
    return c.json({ ok: true });
  });
  app.post('/users/:id{[0-9]+}/enable', async (c) => {
    await setUserDisabled(deps, { actor: signedInUser(c), userId: userId.parse(c.req.param('id')), disabled: false });
    return c.json({ ok: true });
  });
  app.post('/users/:id{[0-9]+}/role', async (c) => {
    const actor = signedInUser(c);
    await changeUserRole(deps, { actor, userId: userId.parse(c.req.param('id')), change: await body(c) });
    return c.json({ ok: true });
  });
  app.get('/agencies', async (c) => {
    requireAdmin(signedInUser(c));
    return c.json(await agencyChoices(deps.db));
  });
  app.post('/agencies', async (c) => {
    const raw = (await body(c)) as Record<string, unknown>;
    // JSON numbers or strings alike: the form's schema reads text.
    const agency = {
      ...raw,
      parentId: raw.parentId == null ? '' : String(raw.parentId),
      creditCode: raw.creditCode ?? '',
    };
    return c.json(await addAgency(deps, { actor: signedInUser(c), agency }), 201);
  });
  app.post('/agencies/:id{[0-9]+}/rename', async (c) => {
    await renameAgency(deps, {
      actor: signedInUser(c),
      agencyId: userId.parse(c.req.param('id')),
      change: await body(c),
    });
    return c.json({ ok: true });
  });
  app.post('/agencies/:id{[0-9]+}/credit-code', async (c) => {
    const agencyId = userId.parse(c.req.param('id'));
    await setAgencyCreditCode(deps, { actor: signedInUser(c), agencyId, change: await body(c) });
    return c.json({ ok: true });
  });
  app.post('/agencies/:id{[0-9]+}/court', async (c) => {
    const agencyId = userId.parse(c.req.param('id'));
    await setAgencyCourt(deps, { actor: signedInUser(c), agencyId, change: await body(c) });
    return c.json({ ok: true });
  });
  app.post('/agencies/:id{[0-9]+}/move', async (c) => {
    const raw = (await body(c)) as { parentId?: unknown };
    const change = { parentId: raw.parentId == null ? '' : String(raw.parentId) };
    await moveAgency(deps, { actor: signedInUser(c), agencyId: userId.parse(c.req.param('id')), change });
    return c.json({ ok: true });
  });
  return app;
}
