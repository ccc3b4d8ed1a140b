/** @jsxImportSource hono/jsx */
/**
 * 系统管理 → 机构管理: the agency tree (人民政府 → 部门、乡镇（街道） → 内设机构) with each body's 统一社会信用代码;
 * a 系统管理员 adds a body under its parent, renames one and moves one with its subtree under another parent
 * (机构改革). Routes call src/agencies/actions.
 */
import { asc } from 'drizzle-orm';
import type { Context, Hono } from 'hono';
import { addAgency } from '../../agencies/actions/add-agency.ts';
import { moveAgency } from '../../agencies/actions/move-agency.ts';
import { renameAgency } from '../../agencies/actions/rename-agency.ts';
import { setAgencyCourt } from '../../agencies/actions/set-agency-court.ts';
import { setAgencyCreditCode } from '../../agencies/actions/set-agency-credit-code.ts';
import { KIND_NAMES } from '../../agencies/create-agency.ts';
import { requireAdmin } from '../../auth/actions/admin-only.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { agencies, agencyKinds } from '../../db/schema/agencies.ts';
import { isAppError } from '../../errors.ts';
import { requireUser } from '../auth.tsx';
import { FieldError, type FieldErrors, fieldErrorsOf, invalid } from '../components/application-form.tsx';
import type { AppEnv } from '../env.ts';
import { Csrf, consolePage, str } from './shell.tsx';

const BASE = '/console/admin/agencies';

/** The tree in path order, for the page and the parent select. */
async function agencyTree(db: Db) {
  const rows = await db.select().from(agencies).orderBy(asc(agencies.path));
  return rows.map((a) => ({ ...a, depth: a.path.split('/').filter(Boolean).length - 1 }));
}

export function consoleAdminAgencies(deps: { db: Db; clock: Clock; site: string }) {
  const act = { db: deps.db, clock: deps.clock };
  const page = async (c: Context<AppEnv>, errors?: FieldErrors, typed: Record<string, string> = {}) => {
    requireAdmin(requireUser(c));
    const tree = await agencyTree(deps.db);
    return consolePage(
      c,
      deps.site,
      '机构管理',
      <>
        <h1>机构管理</h1>
        <h2>新增机关</h2>
        {errors?.form ? (
          <p class="error" role="alert">
            {errors.form}
          </p>
        ) : null}
        <form method="post" action={BASE} class="card">
          <Csrf c={c} />
          <label for="name">机关名称</label>
          <input id="name" name="name" type="text" value={typed.name ?? ''} required {...invalid(errors, 'name')} />
          <FieldError errors={errors} name="name" />
          <label for="kind">机关类型</label>
          <select id="kind" name="kind" {...invalid(errors, 'kind')}>
            {agencyKinds.map((k) => (
              <option value={k} selected={(typed.kind ?? 'department') === k}>
                {KIND_NAMES[k]}
              </option>
            ))}
          </select>
          <FieldError errors={errors} name="kind" />
          <label for="parentId">上级机关</label>
          <select id="parentId" name="parentId" {...invalid(errors, 'parentId')}>
            <option value="">（无：顶层人民政府）</option>
            {tree.map((a) => (
              <option value={String(a.id)} selected={typed.parentId === String(a.id)}>
                {'　'.repeat(a.depth)}
                {a.name}
              </option>
            ))}
          </select>
          <FieldError errors={errors} name="parentId" />
          <label for="creditCode">统一社会信用代码</label>
          <input
            id="creditCode"
            name="creditCode"
            type="text"
            value={typed.creditCode ?? ''}
            aria-describedby="creditCode-hint"
            {...invalid(errors, 'creditCode', 'creditCode-hint')}
          />
          <p class="hint" id="creditCode-hint">
            18位，含校验码；内设机构可不填。
          </p>
          <FieldError errors={errors} name="creditCode" />
          <p>
            <button type="submit">新增机关</button>
          </p>
        </form>
        <h2>机关目录</h2>
        <div class="table-scroll">
          <table id="agencies">
            <thead>
              <tr>
                <th scope="col">机关名称</th>
                <th scope="col">类型</th>
                <th scope="col">统一社会信用代码</th>
                <th scope="col">管辖法院（答复书救济条款）</th>
                <th scope="col">更名</th>
                <th scope="col">调整上级机关</th>
              </tr>
            </thead>
            <tbody>
              {tree.map((a) => (
                <tr id={`agency-${a.id}`}>
                  <td>
                    {'　'.repeat(a.depth)}
                    {a.name}
                  </td>
                  <td>{KIND_NAMES[a.kind]}</td>
                  <td>
                    <form method="post" action={`${BASE}/${a.id}/credit-code`} class="inline">
                      <Csrf c={c} />
                      <label for={`code-${a.id}`} class="visually-hidden">
                        {a.name}的统一社会信用代码
                      </label>
                      <input id={`code-${a.id}`} name="creditCode" type="text" value={a.creditCode ?? ''} size={20} />
                      <button type="submit" class="secondary">
                        保存
                      </button>
                    </form>
                  </td>
                  <td>
                    <form method="post" action={`${BASE}/${a.id}/court`} class="inline">
                      <Csrf c={c} />
                      <label for={`court-${a.id}`} class="visually-hidden">
                        {a.name}的管辖法院
                      </label>
                      <input
                        id={`court-${a.id}`}
                        name="courtName"
                        type="text"
                        value={a.courtName ?? ''}
                        size={14}
                        placeholder="未填：沿用上级或“有管辖权的人民法院”"
                      />
                      <button type="submit" class="secondary">
                        保存
                      </button>
                    </form>
                  </td>
                  <td>
                    <form method="post" action={`${BASE}/${a.id}/rename`} class="inline">
                      <Csrf c={c} />
                      <label for={`rename-${a.id}`} class="visually-hidden">
                        {a.name}的新名称
                      </label>
                      <input id={`rename-${a.id}`} name="name" type="text" value={a.name} />
                      <button type="submit" class="secondary">
                        更名
                      </button>
                    </form>
                  </td>
                  <td>
                    <form method="post" action={`${BASE}/${a.id}/move`} class="inline">
                      <Csrf c={c} />
                      <label for={`move-${a.id}`} class="visually-hidden">
                        {a.name}的上级机关
                      </label>
                      <select id={`move-${a.id}`} name="parentId">
                        <option value="">（无：顶层人民政府）</option>
                        {tree
                          .filter((p) => !p.path.startsWith(a.path))
                          .map((p) => (
                            <option value={String(p.id)} selected={p.id === a.parentId}>
                              {'　'.repeat(p.depth)}
                              {p.name}
                            </option>
                          ))}
                      </select>
                      <button type="submit" class="secondary">
                        调整
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </>,
      errors ? 422 : 200,
    );
  };

  return (app: Hono<AppEnv>) => {
    app.get(BASE, (c) => page(c));
    app.post(BASE, async (c) => {
      const actor = requireUser(c);
      const form = await c.req.parseBody();
      const typed = {
        name: str(form.name),
        kind: str(form.kind),
        parentId: str(form.parentId),
        creditCode: str(form.creditCode),
      };
      try {
        await addAgency(act, { actor, agency: typed });
      } catch (error) {
        if (isAppError(error) && ['bad_input', 'conflict', 'not_found'].includes(error.code))
          return page(c, fieldErrorsOf(error), typed);
        throw error;
      }
      return c.redirect(BASE, 303);
    });
    app.post(`${BASE}/:id{[0-9]+}/rename`, async (c) => {
      const form = await c.req.parseBody();
      await renameAgency(act, {
        actor: requireUser(c),
        agencyId: Number(c.req.param('id')),
        change: { name: str(form.name) },
      });
      return c.redirect(BASE, 303);
    });
    app.post(`${BASE}/:id{[0-9]+}/credit-code`, async (c) => {
      const form = await c.req.parseBody();
      try {
        await setAgencyCreditCode(act, {
          actor: requireUser(c),
          agencyId: Number(c.req.param('id')),
          change: { creditCode: str(form.creditCode) },
        });
      } catch (error) {
        if (isAppError(error) && ['bad_input', 'conflict'].includes(error.code))
          return page(c, { form: error.message });
        throw error;
      }
      return c.redirect(BASE, 303);
    });
    app.post(`${BASE}/:id{[0-9]+}/court`, async (c) => {
      const form = await c.req.parseBody();
      try {
        await setAgencyCourt(act, {
          actor: requireUser(c),
          agencyId: Number(c.req.param('id')),
          change: { courtName: str(form.courtName) },
        });
      } catch (error) {
        if (isAppError(error) && error.code === 'bad_input') return page(c, { form: error.message });
        throw error;
      }
      return c.redirect(BASE, 303);
    });
    app.post(`${BASE}/:id{[0-9]+}/move`, async (c) => {
      const form = await c.req.parseBody();
      try {
        await moveAgency(act, {
          actor: requireUser(c),
          agencyId: Number(c.req.param('id')),
          change: { parentId: str(form.parentId) },
        });
      } catch (error) {
        if (isAppError(error) && error.code === 'bad_input') return page(c, { form: error.message });
        throw error;
      }
      return c.redirect(BASE, 303);
    });
  };
}
