/** @jsxImportSource hono/jsx */
/**
 * 登记台账 in the console: every application of the agencies the user reads cases for, open and closed, with
 * search, filters, sorting by column, pages with the real total, and the filtered register as XLSX in the
 * offices' layout. The route reads the query string and calls the one query module (src/cases/register.ts),
 * which masks applicants' names on the cases of agencies the user does not handle.
 */
import type { Context, Hono } from 'hono';
import { parseInput } from '../../api-input.ts';
import { ROLE_PERMISSIONS } from '../../auth/roles.ts';
import { assignHandler, handlerCandidates } from '../../cases/actions/assign-handler.ts';
import { receiptsToPrint } from '../../cases/documents/bulk-receipts.ts';
import { DOCUMENT_HTML_CSP, documentsHtml } from '../../cases/documents/render.ts';
import { STATE_NAMES } from '../../cases/lifecycle.ts';
import {
  MAX_EXPORT_ROWS,
  OUTCOME_CHOICES,
  type RegisterFilters,
  type RegisterSort,
  registerAgencies,
  registerFilterSchema,
  registerRows,
  registerScope,
  searchRegister,
} from '../../cases/register.ts';
import { registerXlsx } from '../../cases/register-xlsx.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { applicantTypes, caseStates, channels } from '../../db/schema/cases.ts';
import { AppError } from '../../errors.ts';
import { downloadHeaders, mediaTypeOf } from '../../files.ts';
import { requireUser } from '../auth.tsx';
import type { AppEnv } from '../env.ts';
import { TYPE_NAMES } from './cases.tsx';
import { Csrf, consolePage, str } from './shell.tsx';

const CHANNEL_NAMES: Record<string, string> = {
  online: '网上',
  in_person: '当面',
  post: '信函',
  fax: '传真',
  email: '电子邮件',
};
const SORT_NAMES: Record<RegisterSort, string> = {
  received: '收到日期',
  due: '答复期限',
  closed: '答复日期',
  number: '受理编号',
  agency: '受理机关',
  state: '状态',
};
const FILTER_KEYS = [
  'q',
  'state',
  'agencyId',
  'channel',
  'applicantType',
  'outcome',
  'receivedFrom',
  'receivedTo',
  'closedFrom',
  'closedTo',
  'overdue',
] as const;

const FILTER_LABELS: Record<string, string> = {
  q: '检索',
  state: '状态',
  agencyId: '受理机关',
  channel: '提交方式',
  applicantType: '申请人类型',
  outcome: '答复结果',
  receivedFrom: '收到日期（自）',
  receivedTo: '收到日期（至）',
  closedFrom: '答复日期（自）',
  closedTo: '答复日期（至）',
  overdue: '逾期',
  sort: '排序',
  dir: '排序',
  page: '页码',
  pageSize: '每页件数',
};

/** The query string of the filters (and sort), with some values changed. */
function linkTo(path: string, query: Record<string, string>, change: Record<string, string | number> = {}) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query, ...change }))
    if (v !== '' && v !== undefined) params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

/** The filters in words, for the export's second row. */
function describeFilters(f: RegisterFilters, agencyName: (id: number) => string | undefined): string {
  const parts: string[] = [];
  if (f.q) parts.push(`检索“${f.q}”`);
  if (f.state) parts.push(f.state === 'open' ? '未办结' : f.state === 'closed' ? '已办结' : STATE_NAMES[f.state]);
  if (f.agencyId) parts.push(agencyName(f.agencyId) ?? `机关${f.agencyId}`);
  if (f.channel) parts.push(`${CHANNEL_NAMES[f.channel]}提交`);
  if (f.applicantType) parts.push(TYPE_NAMES[f.applicantType]);
  if (f.outcome) parts.push(OUTCOME_CHOICES.find((o) => o.code === f.outcome)?.label ?? f.outcome);
  if (f.receivedFrom || f.receivedTo) parts.push(`收到 ${f.receivedFrom ?? '…'} 至 ${f.receivedTo ?? '…'}`);
  if (f.closedFrom || f.closedTo) parts.push(`答复 ${f.closedFrom ?? '…'} 至 ${f.closedTo ?? '…'}`);
  if (f.overdue) parts.push({ open: '逾期未答复', late: '逾期答复', any: '逾期' }[f.overdue]);
  return parts.length ? `筛选条件：${parts.join('，')}` : '全部申请';
}

export function consoleRegister(deps: { db: Db; clock: Clock; site: string }) {
  const readScope = (c: Context<AppEnv>) => {
    const user = requireUser(c);
    if (!ROLE_PERMISSIONS[user.role].has('case.read'))
      throw new AppError('forbidden', '您没有查阅依申请公开台账的权限');
    return registerScope(user);
  };
  const query = (c: Context<AppEnv>) => {
    const q = c.req.query();
    const shown: Record<string, string> = {};
    for (const k of [...FILTER_KEYS, 'sort', 'dir', 'pageSize']) if (q[k]) shown[k] = q[k];
    return { raw: q, shown };
  };

  return (app: Hono<AppEnv>) => {
    app.get('/console/register', async (c) => {
      const scope = readScope(c);
      const { raw, shown } = query(c);
      const parsed = registerFilterSchema.safeParse(raw);
      const today = deps.clock.today();
      const [list, result, candidates] = await Promise.all([
        registerAgencies(deps.db, scope),
        parsed.success ? searchRegister(deps.db, scope, parsed.data, today) : null,
        scope.handles === 'all' || scope.handles.length ? handlerCandidates(deps.db, scope.handles) : [],
      ]);
      const assigns = candidates.length > 0;
      const here = linkTo('/console/register', { ...shown, ...(raw.page ? { page: raw.page } : {}) });
      const f = parsed.success ? parsed.data : registerFilterSchema.parse({});
      const error = parsed.success ? null : parsed.error.issues[0];
      const SortHeader = (props: { sort: RegisterSort }) => {
        const active = f.sort === props.sort;
        const dir = active && f.dir === 'desc' ? 'asc' : 'desc';
        return (
          <th scope="col" aria-sort={active ? (f.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
            <a href={linkTo('/console/register', shown, { sort: props.sort, dir, page: '' })}>
              {SORT_NAMES[props.sort]}
              {active ? (f.dir === 'asc' ? ' ▲' : ' ▼') : ''}
            </a>
          </th>
        );
      };
      const select = (name: string, label: string, options: [string, string][]) => (
        <span class="filter">
          <label for={`f-${name}`}>{label}</label>
          <select id={`f-${name}`} name={name}>
            <option value="">全部</option>
            {options.map(([value, text]) => (
              <option value={value} selected={shown[name] === value}>
                {text}
              </option>
            ))}
          </select>
        </span>
      );
      const date = (name: string, label: string) => (
        <span class="filter">
          <label for={`f-${name}`}>{label}</label>
          <input id={`f-${name}`} name={name} type="date" value={shown[name] ?? ''} />
        </span>
      );
      return consolePage(
        c,
        deps.site,
        '登记台账',
        <>
          <h1>依申请公开登记台账</h1>
          <form method="get" action="/console/register" class="card filters">
            <span class="filter wide">
              <label for="f-q">检索（查询码、受理编号、申请人、申请内容）</label>
              <input id="f-q" name="q" type="search" value={shown.q ?? ''} maxlength={100} />
            </span>
            {select('state', '状态', [
              ['open', '未办结'],
              ['closed', '已办结'],
              ...caseStates.map((s) => [s, STATE_NAMES[s]] as [string, string]),
            ])}
            {select(
              'agencyId',
              '受理机关',
              list.map((a) => [String(a.id), a.name]),
            )}
            {select(
              'channel',
              '提交方式',
              channels.map((ch) => [ch, CHANNEL_NAMES[ch]]),
            )}
            {select(
              'applicantType',
              '申请人类型',
              applicantTypes.map((t) => [t, TYPE_NAMES[t]]),
            )}
            {select(
              'outcome',
              '答复结果',
              OUTCOME_CHOICES.map((o) => [o.code, o.label]),
            )}
            {select('overdue', '逾期', [
              ['open', '逾期未答复'],
              ['late', '逾期答复'],
              ['any', '全部逾期'],
            ])}
            {date('receivedFrom', '收到日期自')}
            {date('receivedTo', '至')}
            {date('closedFrom', '答复日期自')}
            {date('closedTo', '至')}
            {shown.sort ? <input type="hidden" name="sort" value={shown.sort} /> : null}
            {shown.dir ? <input type="hidden" name="dir" value={shown.dir} /> : null}
            <span class="filter">
              <button type="submit">查询</button> <a href="/console/register">清除条件</a>
            </span>
          </form>
          {error ? (
            <p class="error" role="alert">
              查询条件有误：{FILTER_LABELS[String(error.path[0])] ?? ''} {error.message}
            </p>
          ) : null}
          {result ? (
            <>
              <p id="register-total">
                共 <strong>{result.total}</strong> 件，第 {result.page} / {result.pages} 页。
                <a href={linkTo('/console/register.xlsx', shown, { page: '', pageSize: '' })} download="">
                  导出 Excel（按当前条件，{result.total > MAX_EXPORT_ROWS ? `最多${MAX_EXPORT_ROWS}件` : '全部'}）
                </a>
              </p>
              <form method="post" action="/console/register/assign" id="bulk">
                <Csrf c={c} />
                <input type="hidden" name="back" value={here} />
              </form>
              {assigns ? (
                <p class="card">
                  <label for="bulk-handler">为勾选的申请指定承办人</label>{' '}
                  <select id="bulk-handler" name="handlerId" form="bulk">
                    <option value="">（取消指定）</option>
                    {candidates.map((u) => (
                      <option value={String(u.id)}>
                        {u.displayName}
                        {list.length > 1 ? `（${list.find((a) => a.id === u.agencyId)?.name ?? ''}）` : ''}
                      </option>
                    ))}
                  </select>{' '}
                  <button type="submit" form="bulk">
                    指定
                  </button>{' '}
                  <button type="submit" form="bulk" formaction="/console/register/receipts" class="secondary">
                    打印勾选申请的受理回执
                  </button>
                </p>
              ) : null}
              <section class="table-scroll" tabindex={0} aria-label="登记台账">
                <table id="register">
                  <thead>
                    <tr>
                      {assigns ? <th scope="col">选择</th> : null}
                      <SortHeader sort="number" />
                      <th scope="col">查询码</th>
                      <SortHeader sort="received" />
                      <SortHeader sort="agency" />
                      <th scope="col">申请人</th>
                      <th scope="col">申请内容</th>
                      <th scope="col">方式</th>
                      <SortHeader sort="state" />
                      <SortHeader sort="due" />
                      <SortHeader sort="closed" />
                      <th scope="col">答复结果</th>
                      <th scope="col">承办人</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.rows.map((r) => (
                      <tr>
                        {assigns ? (
                          <td>
                            {r.masked ? null : (
                              <input
                                type="checkbox"
                                name="caseIds"
                                value={String(r.id)}
                                form="bulk"
                                aria-label={`选择 ${r.caseNumber}`}
                              />
                            )}
                          </td>
                        ) : null}
                        <td>
                          <a href={`/console/cases/${r.id}`}>{r.caseNumber}</a>
                        </td>
                        <td>
                          <code>{r.trackingCode}</code>
                        </td>
                        <td>{r.receivedOn}</td>
                        <td>{r.agencyName}</td>
                        <td>
                          {r.applicantName}（{TYPE_NAMES[r.applicantType]}）
                        </td>
                        <td>{r.subject}</td>
                        <td>{CHANNEL_NAMES[r.channel]}</td>
                        <td>
                          {STATE_NAMES[r.state]}
                          {r.overdue ? <span class="tag overdue">逾期</span> : null}
                        </td>
                        <td>{r.dueOn}</td>
                        <td>{r.closedOn ?? '—'}</td>
                        <td>{r.outcomeLabel ?? '—'}</td>
                        <td>{r.handlerName ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
              {result.rows.length === 0 ? <p>没有符合条件的申请。</p> : null}
              <nav aria-label="分页" class="pager">
                {result.page > 1 ? (
                  <a href={linkTo('/console/register', shown, { page: result.page - 1 })} rel="prev">
                    上一页
                  </a>
                ) : null}{' '}
                第 {result.page} / {result.pages} 页{' '}
                {result.page < result.pages ? (
                  <a href={linkTo('/console/register', shown, { page: result.page + 1 })} rel="next">
                    下一页
                  </a>
                ) : null}
              </nav>
            </>
          ) : null}
        </>,
        error ? 400 : 200,
      );
    });

    app.post('/console/register/assign', async (c) => {
      const user = requireUser(c);
      const form = await c.req.parseBody({ all: true });
      const ids = ([] as unknown[]).concat(form.caseIds ?? []).map((v) => Number(v));
      const handler = str(Array.isArray(form.handlerId) ? form.handlerId[0] : form.handlerId);
      await assignHandler(
        { db: deps.db, clock: deps.clock },
        { user, caseIds: ids, handlerId: handler ? Number(handler) : null },
      );
      const back = str(Array.isArray(form.back) ? form.back[0] : form.back);
      return c.redirect(back.startsWith('/console/register') ? back : '/console/register', 303);
    });

    app.post('/console/register/receipts', async (c) => {
      const user = requireUser(c);
      const form = await c.req.parseBody({ all: true });
      const ids = ([] as unknown[]).concat(form.caseIds ?? []).map((v) => Number(v));
      const docs = await receiptsToPrint(deps.db, { user, caseIds: ids, today: deps.clock.today() });
      return c.html(documentsHtml(docs, `受理回执（${docs.length}份）`), 200, {
        'content-security-policy': DOCUMENT_HTML_CSP,
        'cache-control': 'no-store',
      });
    });

    app.get('/console/register.xlsx', async (c) => {
      const scope = readScope(c);
      const filters = parseInput(registerFilterSchema, c.req.query());
      const today = deps.clock.today();
      const [rows, list] = await Promise.all([
        registerRows(deps.db, scope, filters, today),
        registerAgencies(deps.db, scope),
      ]);
      if (rows.length > MAX_EXPORT_ROWS) {
        throw new AppError(
          'bad_input',
          `符合条件的申请超过${MAX_EXPORT_ROWS}件，请缩小查询范围（如按收到日期）后分批导出`,
        );
      }
      const names = new Map(list.map((a) => [a.id, a.name]));
      const body = await registerXlsx(rows, {
        title: `${deps.site}政府信息公开申请登记台账`,
        exportedAt: deps.clock.now().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }),
        filters: describeFilters(filters, (id) => names.get(id)),
      });
      return c.body(new Uint8Array(body), 200, {
        ...downloadHeaders({ filename: `登记台账-${today}.xlsx`, mediaType: mediaTypeOf('x.xlsx') }),
      });
    });
  };
}
