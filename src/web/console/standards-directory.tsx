/** @jsxImportSource hono/jsx */
/**
 * 基层政务公开标准目录 (国办发〔2019〕54号; issue #17): for the units the user oversees (a supervisor's subtree,
 * an administrator's all, else the own unit), each adopted 事项 judged for a year against the catalog items
 * tagged with it (src/standards/directory/): per area and per unit, items due and missing and items published
 * late, with the due day. Whoever may edit the unit's catalog keeps its 标准目录: adopts a template item or a
 * whole area, edits its own copy, retires one.
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import { can } from '../../auth/roles.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import type { AgencyStandardItem } from '../../db/schema/standards.ts';
import { adoptStandardItems, DIRECTORY_PERMISSION } from '../../standards/directory/actions/adopt-items.ts';
import { retireAdoptedItem } from '../../standards/directory/actions/retire-adopted-item.ts';
import { updateAdoptedItem } from '../../standards/directory/actions/update-adopted-item.ts';
import {
  TEMPLATE_PERMISSION,
  templateVersion,
  updateTemplate,
} from '../../standards/directory/actions/update-template.ts';
import { areaName, STANDARD_AREAS } from '../../standards/directory/areas.ts';
import type { ItemJudgement, Tally } from '../../standards/directory/completeness.ts';
import { listTemplates } from '../../standards/directory/seed.ts';
import { describeTimeLimit, parseTimeLimit } from '../../standards/directory/time-limit.ts';
import { directoryView, ownDirectory } from '../../standards/directory/view.ts';
import { requireUser } from '../auth.tsx';
import type { AppEnv } from '../env.ts';
import { Csrf, consolePage, str } from './shell.tsx';

const BASE = '/console/standards/directory';

const STATE_WORDS: Record<ItemJudgement['state'], string> = {
  on_time: '按时公开',
  late: '逾期公开',
  missing: '逾期未公开',
  not_due: '未到期',
  no_record: '尚无相关信息',
  unjudged: '未判定',
};

const TallyCells = (props: { t: Tally }) => (
  <>
    <td>{props.t.adopted}</td>
    <td>{props.t.onTime}</td>
    <td>{props.t.late}</td>
    <td>{props.t.missing}</td>
    <td>{props.t.notDue}</td>
    <td>{props.t.noRecord + props.t.unjudged}</td>
  </>
);

const TallyHead = (props: { first: string }) => (
  <thead>
    <tr>
      <th scope="col">{props.first}</th>
      <th scope="col">采用事项</th>
      <th scope="col">按时公开</th>
      <th scope="col">逾期公开</th>
      <th scope="col">逾期未公开</th>
      <th scope="col">未到期</th>
      <th scope="col">尚无相关信息或未判定</th>
    </tr>
  </thead>
);

const itemName = (i: { area: string; level1: string; level2: string }) =>
  `${areaName(i.area)}：${i.level1}／${i.level2}`;

type ItemRow = Pick<
  AgencyStandardItem,
  | 'id'
  | 'level1'
  | 'level2'
  | 'content'
  | 'basis'
  | 'timeLimit'
  | 'subject'
  | 'channels'
  | 'forPublic'
  | 'forGroup'
  | 'proactive'
  | 'onRequest'
>;

/** The fields of a 标准目录 item as a form: a unit's copy (`si…`) or a template (`tpl…`). */
function ItemFieldsForm(props: { csrf: unknown; action: string; version: string; prefix: string; i: ItemRow }) {
  const { i } = props;
  const p = `${props.prefix}${i.id}-`;
  return (
    <form method="post" action={props.action}>
      {props.csrf as never}
      <input type="hidden" name="version" value={props.version} />
      <p>
        公开时限：{i.timeLimit}（按“{describeTimeLimit(parseTimeLimit(i.timeLimit))}”判断）
      </p>
      <label for={`${p}level1`}>一级事项</label>
      <input id={`${p}level1`} name="level1" type="text" value={i.level1} required />
      <label for={`${p}level2`}>二级事项</label>
      <input id={`${p}level2`} name="level2" type="text" value={i.level2} required />
      <label for={`${p}content`}>公开内容（要素）</label>
      <textarea id={`${p}content`} name="content" rows={3}>
        {i.content}
      </textarea>
      <label for={`${p}basis`}>公开依据</label>
      <textarea id={`${p}basis`} name="basis" rows={2}>
        {i.basis}
      </textarea>
      <label for={`${p}timeLimit`}>公开时限</label>
      <input id={`${p}timeLimit`} name="timeLimit" type="text" value={i.timeLimit} required />
      <label for={`${p}subject`}>公开主体</label>
      <input id={`${p}subject`} name="subject" type="text" value={i.subject} />
      <label for={`${p}channels`}>公开渠道和载体（以顿号分隔）</label>
      <input id={`${p}channels`} name="channels" type="text" value={i.channels.join('、')} />
      <fieldset>
        <legend>公开对象</legend>
        <label>
          <input type="checkbox" name="forPublic" value="1" checked={i.forPublic} /> 全社会
        </label>
        <label>
          <input type="checkbox" name="forGroup" value="1" checked={i.forGroup} /> 特定群体
        </label>
      </fieldset>
      <fieldset>
        <legend>公开方式</legend>
        <label>
          <input type="checkbox" name="proactive" value="1" checked={i.proactive} /> 主动
        </label>
        <label>
          <input type="checkbox" name="onRequest" value="1" checked={i.onRequest} /> 依申请
        </label>
      </fieldset>
      <button type="submit">保存修改</button>
    </form>
  );
}

/** The edit and retire forms of one adopted item, with its current fields. */
function AdoptedItemForms(props: { csrf: unknown; i: AgencyStandardItem }) {
  const { i } = props;
  return (
    <>
      <ItemFieldsForm
        csrf={props.csrf}
        action={`${BASE}/items/${i.id}/edit`}
        version={String(i.version)}
        prefix="si"
        i={i}
      />
      <form method="post" action={`${BASE}/items/${i.id}/retire`}>
        {props.csrf as never}
        <label for={`si${i.id}-reason`}>停用理由</label>
        <input id={`si${i.id}-reason`} name="reason" type="text" required />
        <button type="submit">停用该事项</button>
      </form>
    </>
  );
}

/** The item fields of a posted form, as the actions take them. */
function fieldsFromForm(f: Record<string, unknown>) {
  return {
    level1: str(f.level1),
    level2: str(f.level2),
    content: str(f.content),
    basis: str(f.basis),
    timeLimit: str(f.timeLimit),
    subject: str(f.subject),
    channels: str(f.channels)
      .split(/[、,，;；\s]+/)
      .map((x) => x.trim())
      .filter(Boolean),
    forPublic: f.forPublic === '1',
    forGroup: f.forGroup === '1',
    proactive: f.proactive === '1',
    onRequest: f.onRequest === '1',
  };
}

export function consoleStandardDirectory(deps: { db: Db; clock: Clock; site: string }) {
  const act = { db: deps.db, clock: deps.clock };
  return (app: Hono<AppEnv>) => {
    app.get(BASE, async (c) => {
      const user = requireUser(c);
      const today = deps.clock.today();
      const thisYear = Number(today.slice(0, 4));
      const year = z.coerce
        .number()
        .int()
        .min(2019)
        .max(thisYear)
        .catch(thisYear)
        .parse(c.req.query('year') ?? thisYear);
      const view = await directoryView(deps.db, user.scope, { year, today });
      const problems = view.units.flatMap((u) =>
        u.judgements.filter((j) => j.state === 'missing' || j.state === 'late').map((j) => ({ unit: u.agencyName, j })),
      );
      const keeper = can(user, DIRECTORY_PERMISSION, user.agencyId);
      const own = keeper ? await ownDirectory(deps.db, user.agencyId) : [];
      const ownStates = new Map(
        (view.units.find((u) => u.agencyId === user.agencyId)?.judgements ?? []).map((j) => [j.item.id, j.state]),
      );
      const templateKeeper = can(user, TEMPLATE_PERMISSION, user.agencyId);
      const templates = keeper || templateKeeper ? await listTemplates(deps.db) : [];
      return consolePage(
        c,
        deps.site,
        '基层政务公开标准目录',
        <>
          <h1>基层政务公开标准目录</h1>
          <p>
            依据《国务院办公厅关于全面推进基层政务公开标准化规范化工作的指导意见》（国办发〔2019〕54号），各单位按26个试点领域的标准目录公开。
            本页按各单位采用的标准目录事项和标注了该事项的主动公开信息，逐项判断{year}
            年应公开的信息是否按时公开：事项的公开时限自信息形成（成文日期）之日起算，年度事项以当年截止日期为准。
          </p>
          <form method="get" action={BASE} class="card filters">
            <label for="year">年度</label>
            <input id="year" name="year" type="number" min="2019" max={String(thisYear)} value={String(year)} />
            <button type="submit">查看</button>
          </form>
          <p id="directory-summary">
            共 {view.units.length} 个单位采用标准目录事项 {view.total.adopted} 项：逾期未公开 {view.total.missing}{' '}
            项，逾期公开 {view.total.late} 项。
          </p>
          <h2>逾期未公开和逾期公开的事项</h2>
          {problems.length ? (
            <div class="table-scroll">
              <table id="directory-problems">
                <thead>
                  <tr>
                    <th scope="col">单位</th>
                    <th scope="col">标准目录事项</th>
                    <th scope="col">公开时限</th>
                    <th scope="col">应公开日期</th>
                    <th scope="col">情况</th>
                  </tr>
                </thead>
                <tbody>
                  {problems.map(({ unit, j }) => (
                    <tr>
                      <td>{unit}</td>
                      <td>{itemName(j.item)}</td>
                      <td>{j.item.timeLimit}</td>
                      <td>{j.dueOn ?? '—'}</td>
                      <td>
                        <span class="tag overdue">{STATE_WORDS[j.state]}</span>
                        {j.records
                          .filter((r) => r.state === 'late' || r.state === 'missing')
                          .map((r) => (
                            <div>
                              {r.title}
                              {r.publishedOn
                                ? `（应于${r.dueOn}前公开，${r.publishedOn}发布）`
                                : `（应于${r.dueOn}前公开，尚未发布）`}
                            </div>
                          ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>没有逾期未公开或逾期公开的事项。</p>
          )}
          <h2>按试点领域</h2>
          <div class="table-scroll">
            <table id="directory-areas">
              <TallyHead first="试点领域" />
              <tbody>
                {STANDARD_AREAS.filter((a) => view.areas.has(a.code)).map((a) => (
                  <tr>
                    <td>{a.name}</td>
                    <TallyCells t={view.areas.get(a.code)!} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>按单位</h2>
          <div class="table-scroll">
            <table id="directory-units">
              <TallyHead first="单位" />
              <tbody>
                {view.units.map((u) => (
                  <tr>
                    <td>{u.agencyName}</td>
                    <TallyCells t={u.tally} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {keeper ? (
            <>
              <h2>本单位标准目录</h2>
              <form method="post" action={`${BASE}/adopt`} class="card" id="adopt-form">
                <Csrf c={c} />
                <label for="adopt-choice">采用标准目录事项</label>
                <select id="adopt-choice" name="choice">
                  {STANDARD_AREAS.map((a) => {
                    const inArea = templates.filter((t) => t.area === a.code);
                    return (
                      <optgroup label={a.name}>
                        {inArea.length ? (
                          <>
                            <option value={`area:${a.code}`}>{`${a.name}领域全部事项（${inArea.length}项）`}</option>
                            {inArea.map((t) => (
                              <option value={`item:${t.id}`}>{`${t.level1}／${t.level2}`}</option>
                            ))}
                          </>
                        ) : (
                          <option value={`area:${a.code}`} disabled>
                            {`${a.name}（尚无标准目录事项）`}
                          </option>
                        )}
                      </optgroup>
                    );
                  })}
                </select>
                <label for="adoptedOn">采用日期（自该日起按事项时限公开）</label>
                <input id="adoptedOn" name="adoptedOn" type="date" value={today} />
                <button type="submit">采用</button>
              </form>
              {own.length === 0 ? (
                <p>本单位尚未采用标准目录事项。</p>
              ) : (
                <p class="hint">事项内容、依据、时限、主体、渠道可按本单位实际修改；不再承担的事项写明理由后停用。</p>
              )}
              {own.map((i) => {
                const state = ownStates.get(i.id);
                return (
                  <details class="card" id={`item-${i.id}`}>
                    <summary>
                      {itemName(i)}
                      {state ? `（${STATE_WORDS[state]}）` : ''}
                    </summary>
                    <AdoptedItemForms csrf={<Csrf c={c} />} i={i} />
                  </details>
                );
              })}
            </>
          ) : null}
          {templateKeeper ? (
            <>
              <h2>标准目录模板</h2>
              <p class="hint">
                模板是各单位采用事项的来源，按各领域标准指引校对后修改；已采用的单位保留各自的副本，此后采用的按新内容。
              </p>
              {STANDARD_AREAS.filter((a) => templates.some((t) => t.area === a.code)).map((a) => (
                <details class="card">
                  <summary>{a.name}</summary>
                  {templates
                    .filter((t) => t.area === a.code)
                    .map((t) => (
                      <details id={`template-${t.id}`}>
                        <summary>{`${t.level1}／${t.level2}`}</summary>
                        <ItemFieldsForm
                          csrf={<Csrf c={c} />}
                          action={`${BASE}/templates/${t.id}/edit`}
                          version={templateVersion(t)}
                          prefix="tpl"
                          i={t}
                        />
                        <p class="hint">来源：{t.source}</p>
                      </details>
                    ))}
                </details>
              ))}
            </>
          ) : null}
        </>,
      );
    });

    app.post(`${BASE}/adopt`, async (c) => {
      const user = requireUser(c);
      const f = await c.req.parseBody();
      const [kind, value] = str(f.choice).split(':');
      await adoptStandardItems(act, {
        user,
        agencyId: user.agencyId,
        ...(kind === 'area' ? { area: value } : { templateId: /^\d+$/.test(value ?? '') ? Number(value) : -1 }),
        adoptedOn: str(f.adoptedOn) || undefined,
      });
      return c.redirect(BASE, 303);
    });

    app.post(`${BASE}/items/:id{[0-9]+}/edit`, async (c) => {
      const user = requireUser(c);
      const f = await c.req.parseBody();
      const id = Number(c.req.param('id'));
      await updateAdoptedItem(act, {
        user,
        itemId: id,
        version: Number(str(f.version)),
        fields: fieldsFromForm(f),
      });
      return c.redirect(`${BASE}#item-${id}`, 303);
    });

    app.post(`${BASE}/templates/:id{[0-9]+}/edit`, async (c) => {
      const user = requireUser(c);
      const f = await c.req.parseBody();
      const id = Number(c.req.param('id'));
      await updateTemplate(act, { user, templateId: id, version: str(f.version), fields: fieldsFromForm(f) });
      return c.redirect(`${BASE}#template-${id}`, 303);
    });

    app.post(`${BASE}/items/:id{[0-9]+}/retire`, async (c) => {
      const user = requireUser(c);
      const f = await c.req.parseBody();
      await retireAdoptedItem(act, { user, itemId: Number(c.req.param('id')), reason: str(f.reason) });
      return c.redirect(BASE, 303);
    });
  };
}
