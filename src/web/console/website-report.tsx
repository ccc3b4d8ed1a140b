/** @jsxImportSource hono/jsx */
/**
 * 政府网站工作年度报表 (国办函〔2018〕12号), beside the disclosure annual report: the report of the user's unit
 * for a year in the official layout, the figures the platform counts marked 系统统计 (with the query in words),
 * the form of the figures entered by hand with their sources (each error beside its field, what was typed kept),
 * the report's own checks, lock, and downloads (DOCX, XLSX, HTML). Reading needs report.read, entering and
 * locking report.edit (whoever builds the annual report).
 */
import type { Context, Hono } from 'hono';
import { raw } from 'hono/html';
import { subtree } from '../../agencies/tree.ts';
import { requirePermission } from '../../auth/roles.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { isAppError } from '../../errors.ts';
import { escapeHtml } from '../../escape-html.ts';
import { DOCX, downloadHeaders } from '../../files.ts';
import { lockWebsiteReport } from '../../standards/website-report/actions/lock-website-report.ts';
import { saveWebsiteFigures } from '../../standards/website-report/actions/save-website-figures.ts';
import { checkWebsiteReport } from '../../standards/website-report/checks.ts';
import { ENTERED_ROWS, SITE_TYPES, type WebsiteRow } from '../../standards/website-report/layout.ts';
import { displayValue, reportTitle, type WebsiteReport } from '../../standards/website-report/model.ts';
import { renderWebsiteDocx } from '../../standards/website-report/render-docx.ts';
import { renderWebsiteHtml } from '../../standards/website-report/render-html.ts';
import { renderWebsiteXlsx } from '../../standards/website-report/render-xlsx.ts';
import { loadWebsiteReport } from '../../standards/website-report/store.ts';
import { requireUser } from '../auth.tsx';
import { FieldError, type FieldErrors, fieldErrorsOf, invalid } from '../components/application-form.tsx';
import type { AppEnv } from '../env.ts';
import { Csrf, consolePage, str } from './shell.tsx';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BASE = '/console/website-report';

/** What the form shows again after a refusal: the typed values and sources, by key. */
interface Typed {
  values: Record<string, string>;
  sources: Record<string, string>;
  version?: string;
}

export function consoleWebsiteReport(deps: { db: Db; clock: Clock; site: string }) {
  const act = {
    db: deps.db,
    get now() {
      return deps.clock.now();
    },
  };
  /** The unit and year of the request: the user's own unit unless another in scope is named; last year by default. */
  const target = (c: Context<AppEnv>, form?: Record<string, unknown>) => {
    const user = requireUser(c);
    const pick = (name: string) => (form ? str(form[name]) : (c.req.query(name) ?? ''));
    const agency = Number(pick('agency'));
    const year = Number(pick('year'));
    const thisYear = Number(deps.clock.today().slice(0, 4));
    return {
      user,
      agencyId: Number.isInteger(agency) && agency > 0 ? agency : user.agencyId,
      year: Number.isInteger(year) && year >= 2017 && year <= thisYear ? year : thisYear - 1,
    };
  };

  const page = async (
    c: Context<AppEnv>,
    report: WebsiteReport,
    opts: { typed?: Typed; errors?: FieldErrors; status?: 200 | 409 | 422; notice?: string } = {},
  ) => {
    const user = requireUser(c);
    const findings = checkWebsiteReport(report.values);
    const thisYear = Number(deps.clock.today().slice(0, 4));
    const years = Array.from({ length: thisYear - 2017 + 1 }, (_, i) => thisYear - i);
    const query = `agency=${report.agencyId}&year=${report.year}`;
    let canEdit = true;
    try {
      requirePermission(user, 'report.edit', report.agencyId);
    } catch {
      canEdit = false;
    }
    const editable = canEdit && report.status === 'draft';
    // A supervisor or an administrator picks a unit of their subtree.
    const units = user.scope === 'all' || user.scope.length > 1 ? await subtree(deps.db, user.agencyId) : [];
    const errors = opts.errors ?? {};
    const sections = [...new Set(ENTERED_ROWS.map((r) => r.section))];
    const shown = (r: WebsiteRow) =>
      opts.typed && r.key in opts.typed.values ? opts.typed.values[r.key] : displayValue(report.values[r.key] ?? null);
    const sourceOf = (r: WebsiteRow) => {
      if (opts.typed && r.key in opts.typed.sources) return opts.typed.sources[r.key];
      const s = report.sources[r.key];
      return s?.kind === 'entered' ? s.source : '';
    };
    return consolePage(
      c,
      deps.site,
      '政府网站工作年度报表',
      <>
        <h1>政府网站工作年度报表</h1>
        <p>
          依据《国务院办公厅关于做好政府网站年度报表发布工作的通知》（国办函〔2018〕12号），于每年1月31日前在本网站首页显著位置发布。
          标“系统统计”的数据由本平台按发布的政府信息统计，其余由主办单位填报并注明数据来源。
        </p>
        <form method="get" action={BASE} class="filters">
          {units.length > 1 ? (
            <div class="filter">
              <label for="wr-agency">网站主办单位</label>
              <select id="wr-agency" name="agency">
                {units.map((u) => (
                  <option value={String(u.id)} selected={u.id === report.agencyId}>
                    {u.name}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <input type="hidden" name="agency" value={String(report.agencyId)} />
          )}
          <div class="filter">
            <label for="wr-year">年度</label>
            <select id="wr-year" name="year">
              {years.map((y) => (
                <option value={String(y)} selected={y === report.year}>
                  {y}年
                </option>
              ))}
            </select>
          </div>
          <button type="submit">查看</button>
        </form>
        <p id="website-report-status">
          {reportTitle(report)}：{report.status === 'locked' ? '已锁定' : '草稿'}
        </p>
        {opts.notice ? (
          <p class="error" role="alert" id="error-summary">
            {opts.notice}
          </p>
        ) : null}
        <section aria-labelledby="wr-check">
          <h2 id="wr-check">校验结果</h2>
          {findings.length === 0 ? (
            <p id="website-report-findings">校验通过，未发现问题。</p>
          ) : (
            <ul id="website-report-findings">
              {findings.map((f) => (
                <li data-rule={f.rule}>{f.message}</li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="wr-table">
          <h2 id="wr-table">报表</h2>
          <p>
            下载：<a href={`${BASE}/download.docx?${query}`}>Word（DOCX）</a>　
            <a href={`${BASE}/download.xlsx?${query}`}>Excel（XLSX）</a>　
            <a href={`${BASE}/download.html?${query}`}>网页（HTML）</a>
          </p>
          {raw(renderWebsiteHtml(report, { markComputed: true }))}
          <details>
            <summary>系统统计口径</summary>
            <dl>
              {Object.entries(report.sources)
                .filter(([, s]) => s.kind === 'computed')
                .map(([key, s]) => (
                  <>
                    <dt>{labelOf(key)}</dt>
                    <dd>{s.kind === 'computed' ? s.query : ''}</dd>
                  </>
                ))}
            </dl>
          </details>
        </section>
        {editable ? (
          <section aria-labelledby="wr-form">
            <h2 id="wr-form">填报数据</h2>
            <form method="post" action={`${BASE}/figures`} id="website-figures" novalidate>
              <Csrf c={c} />
              <input type="hidden" name="agency" value={String(report.agencyId)} />
              <input type="hidden" name="year" value={String(report.year)} />
              <input type="hidden" name="version" value={opts.typed?.version ?? String(report.version)} />
              <FieldError errors={errors} name="version" />
              {sections.map((section) => (
                <fieldset>
                  <legend>{section}</legend>
                  {ENTERED_ROWS.filter((r) => r.section === section).map((r) => (
                    <div class="field">
                      <label for={`v-${r.key}`}>
                        {r.label}
                        {r.unit ? `（${r.unit}）` : ''}
                        {r.required ? '（必填）' : ''}
                      </label>
                      {r.kind === 'yesno' ? (
                        <select id={`v-${r.key}`} name={`v:${r.key}`} {...invalid(errors, `v-${r.key}`)}>
                          <option value="">请选择</option>
                          {['是', '否'].map((o) => (
                            <option value={o} selected={shown(r) === o}>
                              {o}
                            </option>
                          ))}
                        </select>
                      ) : r.key === 'site.type' ? (
                        <select id={`v-${r.key}`} name={`v:${r.key}`} {...invalid(errors, `v-${r.key}`)}>
                          <option value="">请选择</option>
                          {SITE_TYPES.map((o) => (
                            <option value={o} selected={shown(r) === o}>
                              {o}
                            </option>
                          ))}
                        </select>
                      ) : (
                        <input
                          id={`v-${r.key}`}
                          name={`v:${r.key}`}
                          value={shown(r)}
                          inputmode={r.kind === 'number' ? (r.decimal ? 'decimal' : 'numeric') : undefined}
                          {...invalid(errors, `v-${r.key}`)}
                        />
                      )}
                      <FieldError errors={errors} name={`v-${r.key}`} />
                      <label for={`s-${r.key}`} class="hint">
                        数据来源
                      </label>
                      <input id={`s-${r.key}`} name={`s:${r.key}`} value={sourceOf(r)} />
                      {enteredBy(report, r.key)}
                    </div>
                  ))}
                </fieldset>
              ))}
              <button type="submit">保存</button>
            </form>
          </section>
        ) : null}
        {canEdit ? (
          <form method="post" action={`${BASE}/${report.status === 'locked' ? 'unlock' : 'lock'}`}>
            <Csrf c={c} />
            <input type="hidden" name="agency" value={String(report.agencyId)} />
            <input type="hidden" name="year" value={String(report.year)} />
            <input type="hidden" name="version" value={String(report.version)} />
            <button type="submit">{report.status === 'locked' ? '解锁' : '锁定报表'}</button>
          </form>
        ) : null}
      </>,
      opts.status ?? 200,
    );
  };

  return (app: Hono<AppEnv>) => {
    app.get(BASE, async (c) => {
      const { user, agencyId, year } = target(c);
      requirePermission(user, 'report.read', agencyId);
      return page(c, await loadWebsiteReport(deps.db, { agencyId, year }));
    });

    app.post(`${BASE}/figures`, async (c) => {
      const form = await c.req.parseBody();
      const { user, agencyId, year } = target(c, form);
      requirePermission(user, 'report.edit', agencyId);
      const typed: Typed = { values: {}, sources: {}, version: str(form.version) };
      for (const [name, v] of Object.entries(form)) {
        if (name.startsWith('v:')) typed.values[name.slice(2)] = str(v);
        else if (name.startsWith('s:')) typed.sources[name.slice(2)] = str(v);
      }
      const version = Number(typed.version);
      try {
        await saveWebsiteFigures(act, {
          actorId: user.id,
          agencyId,
          year,
          version: Number.isInteger(version) ? version : -1,
          values: typed.values,
          sources: typed.sources,
        });
      } catch (error) {
        if (!isAppError(error) || !['bad_input', 'conflict', 'invalid_state'].includes(error.code)) throw error;
        const fields = fieldErrorsOf(error);
        const errors: FieldErrors = {};
        for (const [k, m] of Object.entries(fields)) errors[k === 'version' || k === 'form' ? k : `v-${k}`] = m;
        const report = await loadWebsiteReport(deps.db, { agencyId, year });
        // A conflict keeps what was typed; the new version is the one shown, so a second save overwrites knowingly.
        if (error.code === 'conflict') typed.version = String(report.version);
        return page(c, report, {
          typed,
          errors,
          notice: error.message,
          status: error.code === 'conflict' ? 409 : 422,
        });
      }
      return c.redirect(`${BASE}?agency=${agencyId}&year=${year}`, 303);
    });

    for (const verb of ['lock', 'unlock'] as const) {
      app.post(`${BASE}/${verb}`, async (c) => {
        const form = await c.req.parseBody();
        const { user, agencyId, year } = target(c, form);
        requirePermission(user, 'report.edit', agencyId);
        try {
          await lockWebsiteReport(act, {
            actorId: user.id,
            agencyId,
            year,
            version: Number(str(form.version)),
            unlock: verb === 'unlock',
          });
        } catch (error) {
          if (!isAppError(error) || !['conflict', 'invalid_state'].includes(error.code)) throw error;
          const report = await loadWebsiteReport(deps.db, { agencyId, year });
          return page(c, report, { notice: error.message, status: error.code === 'conflict' ? 409 : 422 });
        }
        return c.redirect(`${BASE}?agency=${agencyId}&year=${year}`, 303);
      });
    }

    for (const ext of ['docx', 'xlsx', 'html'] as const) {
      app.get(`${BASE}/download.${ext}`, async (c) => {
        const { user, agencyId, year } = target(c);
        requirePermission(user, 'report.read', agencyId);
        const report = await loadWebsiteReport(deps.db, { agencyId, year });
        const filename = `${reportTitle(report)}.${ext}`;
        if (ext === 'html') {
          const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(reportTitle(report))}</title></head><body>${renderWebsiteHtml(report)}</body></html>`;
          return c.body(html, 200, downloadHeaders({ filename, mediaType: 'text/html; charset=utf-8' }));
        }
        const bytes = ext === 'docx' ? await renderWebsiteDocx(report) : await renderWebsiteXlsx(report);
        return c.body(
          new Uint8Array(bytes),
          200,
          downloadHeaders({ filename, mediaType: ext === 'docx' ? DOCX : XLSX }),
        );
      });
    }
  };
}

/** Who entered a figure and when, under its field. */
function enteredBy(report: WebsiteReport, key: string) {
  const s = report.sources[key];
  if (s?.kind !== 'entered' || !s.at) return null;
  return (
    <p class="hint">
      {s.byName ?? '—'}于{s.at.slice(0, 10)}填报
    </p>
  );
}

const LABELS: Record<string, string> = {
  'site.sponsor': '主办单位',
  'publish.total': '信息发布总数',
  'publish.overview': '概况类信息发布数量',
  'publish.news': '政务动态信息发布数量',
  'publish.directory': '信息公开目录信息发布数量',
  'interpret.total': '解读信息发布总数',
  'interpret.materials': '解读材料数量',
};
const labelOf = (key: string) => LABELS[key] ?? key;
