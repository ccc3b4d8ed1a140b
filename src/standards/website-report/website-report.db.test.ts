/**
 * The 政府网站工作年度报表 of the demo county (issue #17 item 2): computed from what the platform holds, completed
 * by hand with sources, checked, locked, and rendered in the official layout.
 */
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.ts';
import { auditEvents } from '../../db/schema/audit.ts';
import { users } from '../../db/schema/auth.ts';
import { catalogItems } from '../../db/schema/catalog.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { DEMO_PASSWORD, loadDemo } from '../../demo/county.ts';
import { lockWebsiteReport } from './actions/lock-website-report.ts';
import { saveWebsiteFigures } from './actions/save-website-figures.ts';
import { checkWebsiteReport } from './checks.ts';
import { renderWebsiteDocx } from './render-docx.ts';
import { renderWebsiteHtml } from './render-html.ts';
import { FIRST_ROW, renderWebsiteXlsx } from './render-xlsx.ts';
import { loadWebsiteReport } from './store.ts';

let t: TestDb;
let headId: number;
const YEAR = 2025;
const now = new Date('2026-01-10T09:00:00+08:00');
const deps = () => ({ db: t.db, now });

/** What the county's 政府办 copies from its other systems. */
const ENTERED: Record<string, string> = {
  'site.name': '示范县人民政府网',
  'site.url': 'https://www.example.gov.cn',
  'site.type': '政府门户网站',
  'site.code': '1234000001',
  'site.icp': '示ICP备12345678号',
  'site.police': '示公网安备 12345602000001号',
  'visits.unique': '182345',
  'visits.total': '1203456',
  'topics.maintained': '12',
  'topics.opened': '3',
  'interpret.products': '8',
  'interpret.media': '2',
  'interpret.responses': '5',
  'service.catalog': '是',
  'service.users': '35210',
  'service.items': '1320',
  'service.online': '1105',
  'service.cases.total': '48210',
  'service.cases.person': '40110',
  'service.cases.legal': '8100',
  'interact.unified': '是',
  'messages.received': '412',
  'messages.closed': '409',
  'messages.avgDays': '4.5',
  'messages.published': '380',
  'interact.qa': '否',
  'security.checks': '12',
  'security.found': '7',
  'security.fixed': '7',
  'security.monitoring': '是',
  'security.drills': '是',
  'security.owner': '是',
  'media.has': '是',
  'staff.count': '4',
  'sign.head': '王某',
  'sign.reviewer': '李某',
  'sign.filler': '张某',
  'sign.phone': '0000-1234567',
  'sign.date': '2026-01-10',
};

beforeAll(async () => {
  t = await createTestDb();
  await loadDemo({ db: t.db, clock: fixedClock('2026-01-05') }, { perYear: 60, fromYear: 2024 });
  [{ id: headId }] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, 'head'));
}, 180_000);
afterAll(() => t.close());

describe('the website report of the demo county', () => {
  it('counts what the county published in the year, split into the three kinds, each marked computed', async () => {
    const report = await loadWebsiteReport(t.db, { agencyId: 1, year: YEAR });
    const total = report.values['publish.total'] as number;
    expect(total).toBeGreaterThan(0);
    expect(report.values['interpret.materials']).toBeGreaterThan(0);
    expect(report.values['site.sponsor']).toBe('示范县人民政府');
    expect(report.sources['publish.total']).toMatchObject({ kind: 'computed' });
    expect(report.sources['visits.total']).toMatchObject({ kind: 'entered', source: '网站访问统计系统' });
    // The same count straight from the catalog: every published item of the county's units in 2025.
    const rows = await t.db
      .select({ on: catalogItems.publishedOn })
      .from(catalogItems)
      .where(and(eq(catalogItems.state, 'published')));
    expect(total).toBe(rows.filter((r) => r.on?.startsWith(String(YEAR))).length);
    // Before anything is entered, the required answers are missing.
    expect(checkWebsiteReport(report.values).some((f) => f.rule === 'required')).toBe(true);
  });

  it('passes its checks once completed, and renders to DOCX in the official layout', async () => {
    const saved = await saveWebsiteFigures(deps(), {
      actorId: headId,
      agencyId: 1,
      year: YEAR,
      version: 0,
      values: ENTERED,
      sources: { 'visits.total': '网站访问统计系统（百度统计）' },
    });
    expect(saved.version).toBe(1);
    const report = await loadWebsiteReport(t.db, { agencyId: 1, year: YEAR });
    expect(checkWebsiteReport(report.values)).toEqual([]);
    expect(report.values['interpret.total']).toBe((report.values['interpret.materials'] as number) + 10);
    expect(report.sources['visits.total']).toMatchObject({
      kind: 'entered',
      source: '网站访问统计系统（百度统计）',
      by: headId,
    });

    const docx = await renderWebsiteDocx(report);
    const { value: text } = await mammoth.extractRawText({ buffer: docx });
    expect(text).toContain('2025年度政府网站工作年度报表');
    expect(text).toContain('填报单位：示范县人民政府');
    for (const words of [
      '信息发布',
      '概况类信息发布数量',
      '解读回应',
      '安全防护',
      '是否明确网站安全责任人',
      '创新发展',
    ])
      expect(text).toContain(words);
    expect(text).toContain(`${report.values['publish.total']} 条`);
    expect(text).toContain('1203456 次');
    expect(text).toContain('单位负责人：王某');
    // No coloured heading style: every colour in the document is black.
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(docx);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
    expect(xml).toContain('仿宋_GB2312');
    expect(xml).toContain('方正小标宋简体');
    const colours = [...xml.matchAll(/w:color w:val="([0-9A-Fa-f]{6})"/g)].map((m) => m[1]);
    expect(new Set(colours)).toEqual(new Set(['000000']));
    const headingStyles = [...styles.matchAll(/<w:style [^>]*w:styleId="(Title|Heading\d)"[\s\S]*?<\/w:style>/g)];
    expect(headingStyles.length).toBeGreaterThan(0);
    for (const [style] of headingStyles) {
      expect(style).toContain('w:color w:val="000000"');
      expect(style).not.toMatch(/2F5496|4472C4|1F3763|1F4D78|2E74B5|w:themeColor/);
    }

    const xlsx = new ExcelJS.Workbook();
    await xlsx.xlsx.load((await renderWebsiteXlsx(report)) as unknown as ArrayBuffer);
    const ws = xlsx.worksheets[0];
    const cells: unknown[] = [];
    ws.eachRow((row, n) => {
      if (n >= FIRST_ROW) cells.push(row.getCell(3).value);
    });
    expect(cells).toContain(report.values['publish.total']);
    expect(cells).toContain(1203456);

    const html = renderWebsiteHtml(report, { markComputed: true });
    expect(html).toContain('系统统计');
    expect(html).not.toMatch(/style=/);
  });

  it('refuses a save with a stale version, and keeps the newer figures', async () => {
    await expect(
      saveWebsiteFigures(deps(), {
        actorId: headId,
        agencyId: 1,
        year: YEAR,
        version: 0,
        values: { 'visits.total': '1' },
        sources: {},
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    const report = await loadWebsiteReport(t.db, { agencyId: 1, year: YEAR });
    expect(report.values['visits.total']).toBe(1203456);
  });

  it('refuses invalid fields together, each with its message, and writes nothing', async () => {
    await expect(
      saveWebsiteFigures(deps(), {
        actorId: headId,
        agencyId: 1,
        year: YEAR,
        version: 1,
        values: { 'visits.total': '很多', 'security.owner': '有' },
        sources: {},
      }),
    ).rejects.toMatchObject({
      code: 'bad_input',
      details: { fields: { 'visits.total': expect.any(String), 'security.owner': expect.any(String) } },
    });
    expect((await loadWebsiteReport(t.db, { agencyId: 1, year: YEAR })).version).toBe(1);
  });

  it('locks with its audit event; a locked report takes no figures; a report failing its checks cannot be locked', async () => {
    await saveWebsiteFigures(deps(), {
      actorId: headId,
      agencyId: 1,
      year: 2024,
      version: 0,
      values: { 'visits.total': '5' },
      sources: {},
    });
    await expect(
      lockWebsiteReport(deps(), { actorId: headId, agencyId: 1, year: 2024, version: 1 }),
    ).rejects.toMatchObject({ code: 'invalid_state' });

    // Not before the year has ended (Asia/Shanghai).
    await expect(
      lockWebsiteReport(
        { db: t.db, now: new Date('2025-12-31T15:59:00Z') },
        { actorId: headId, agencyId: 1, year: YEAR, version: 1 },
      ),
    ).rejects.toMatchObject({ code: 'invalid_state', message: expect.stringContaining('尚未结束') });
    const locked = await lockWebsiteReport(deps(), { actorId: headId, agencyId: 1, year: YEAR, version: 1 });
    expect(locked.status).toBe('locked');
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityType, 'website_report'));
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['website_report.figures_saved', 'website_report.locked']),
    );
    await expect(
      saveWebsiteFigures(deps(), { actorId: headId, agencyId: 1, year: YEAR, version: 2, values: {}, sources: {} }),
    ).rejects.toMatchObject({ code: 'invalid_state' });
    // The platform's figures are frozen with the lock: an item published afterwards does not move them.
    const before = (await loadWebsiteReport(t.db, { agencyId: 1, year: YEAR })).values['publish.total'] as number;
    await t.db.insert(catalogItems).values({
      indexNo: 'TEST/2025-99999',
      agencyId: 1,
      title: '补录的信息',
      category: '20.7',
      publishedOn: '2025-12-30',
      state: 'published',
    });
    expect((await loadWebsiteReport(t.db, { agencyId: 1, year: YEAR })).values['publish.total']).toBe(before);
    const unlocked = await lockWebsiteReport(deps(), {
      actorId: headId,
      agencyId: 1,
      year: YEAR,
      version: 2,
      unlock: true,
    });
    expect(unlocked.status).toBe('draft');
    expect((await loadWebsiteReport(t.db, { agencyId: 1, year: YEAR })).values['publish.total']).toBe(before + 1);
  });
});

describe('the console page', () => {
  it('shows the computed figures marked 系统统计, keeps what was typed beside its error, and downloads the DOCX', async () => {
    const { createSite } = await import('../../web/site.ts');
    const { testBrowser } = await import('../../web/testing.ts');
    const b = testBrowser(
      createSite({ db: t.db, clock: fixedClock('2026-01-12T10:00:00+08:00'), secret: 's', log: () => {} }),
    );
    await b.get('/login');
    await b.post('/login', { username: 'head', password: DEMO_PASSWORD });
    const { res, html } = await b.get(`/console/website-report?year=${YEAR}`);
    expect(res.status).toBe(200);
    expect(html).toContain('系统统计');
    expect(html).toContain('校验通过');
    expect(html).toContain('name="v:visits.total"');

    const version = /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';
    const bad = await b.post('/console/website-report/figures', {
      agency: '1',
      year: String(YEAR),
      version,
      'v:visits.total': '一百万',
      'v:messages.closed': '500',
      's:visits.total': '某统计系统',
    });
    expect(bad.status).toBe(422);
    const page = await bad.text();
    expect(page).toContain('网站总访问量应为不小于0的整数');
    expect(page).toContain('value="一百万"');
    expect(page).toContain('value="500"');
    expect(page).toContain('value="某统计系统"');

    const ok = await b.post('/console/website-report/figures', {
      agency: '1',
      year: String(YEAR),
      version,
      'v:messages.closed': '500',
    });
    expect(ok.status).toBe(303);
    const after = await b.get(`/console/website-report?year=${YEAR}`);
    expect(after.html).toContain('办结留言数量（500）不应大于收到留言数量（412）');

    const docx = await b.send(`/console/website-report/download.docx?agency=1&year=${YEAR}`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).toContain('attachment');
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) });
    expect(text).toContain('政府网站工作年度报表');
  });

  it('lets the supervisor pick a unit and read its report, without the form', async () => {
    const { createSite } = await import('../../web/site.ts');
    const { testBrowser } = await import('../../web/testing.ts');
    const b = testBrowser(
      createSite({ db: t.db, clock: fixedClock('2026-01-12T10:00:00+08:00'), secret: 's', log: () => {} }),
    );
    await b.get('/login');
    await b.post('/login', { username: 'supervisor', password: DEMO_PASSWORD });
    const { res, html } = await b.get(`/console/website-report?agency=2&year=${YEAR}`);
    expect(res.status).toBe(200);
    expect(html).toContain('id="wr-agency"');
    expect(html).toContain('系统统计');
    expect(html).not.toContain('id="website-figures"');
  });

  it('is refused to another county unit’s staff for the county’s report', async () => {
    const { createSite } = await import('../../web/site.ts');
    const { testBrowser } = await import('../../web/testing.ts');
    const b = testBrowser(
      createSite({ db: t.db, clock: fixedClock('2026-01-12T10:00:00+08:00'), secret: 's', log: () => {} }),
    );
    await b.get('/login');
    await b.post('/login', { username: 'unit1', password: DEMO_PASSWORD });
    const res = await b.send(`/console/website-report/download.docx?agency=1&year=${YEAR}`);
    expect(res.status).toBe(403);
  });
});
