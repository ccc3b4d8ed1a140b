import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTrackingCode } from '../../cases/actions/receive-application.ts';
import { fixedClock } from '../../clock.ts';
import { makeAgencyTree, makeUser, TEST_PASSWORD } from '../../db/factories.ts';
import { cases } from '../../db/schema/cases.ts';
import { catalogItems } from '../../db/schema/catalog.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { buildReport } from '../../reports/actions/build-report.ts';
import { getReportRow, toReport } from '../../reports/store.ts';
import { createSite } from '../site.ts';
import { testBrowser } from '../testing.ts';

let t: TestDb;
let tree: Awaited<ReturnType<typeof makeAgencyTree>>;
const clock = fixedClock('2027-01-10T10:00:00+08:00');

beforeAll(async () => {
  t = await createTestDb();
  tree = await makeAgencyTree(t.db);
  await makeUser(t.db, { agency: tree.education, role: 'office_head', username: 'head' });
  await makeUser(t.db, { agency: tree.education, role: 'reviewer', username: 'reader' });
  const made = (name: string, i: number) => ({
    agencyId: tree.education.id,
    trackingCode: newTrackingCode(),
    regime: '2019' as const,
    applicantType: 'natural_person' as const,
    applicantName: name,
    channel: 'online' as const,
    receivedOn: `2026-03-0${i}`,
    subject: `申请公开学校布局调整方案（${i}）`,
    state: 'replied' as const,
    dueOn: '2026-04-30',
    firstDueOn: '2026-04-30',
    closedOn: `2026-03-2${i}`,
    outcome: 'granted',
  });
  await t.db.insert(cases).values([made('张三丰', 1), made('李四光', 2)]);
  await t.db.insert(catalogItems).values({
    indexNo: '11510000MB0000001X/2026-00001',
    agencyId: tree.education.id,
    title: '关于规范中小学课后服务的通知',
    docNo: '某教发〔2026〕3号',
    writtenOn: '2026-02-10',
    publishedOn: '2026-02-12',
    docType: 'normative',
    category: '20.1',
    state: 'published',
  });
});
afterAll(() => t.close());

const browser = () =>
  testBrowser(createSite({ db: t.db, clock, secret: 'test', log: () => {}, buildReport: buildReport }));

async function signedIn(username: string) {
  const b = browser();
  await b.get('/login');
  const res = await b.post('/login', { username, password: TEST_PASSWORD });
  expect(res.status).toBe(303);
  return b;
}

const idFrom = (location: string | null) => Number(/\/console\/reports\/(\d+)/.exec(location ?? '')?.[1]);

describe('the report builder: 第二十条 figures typed in the console, each number drilled to its records', () => {
  let reportId: number;

  it('builds the draft and offers the 第二十条 form with its source system', async () => {
    const b = await signedIn('head');
    await b.get('/console/reports');
    const res = await b.post('/console/reports/build', { agencyId: String(tree.education.id), year: '2026' });
    expect(res.status).toBe(303);
    reportId = idFrom(res.headers.get('location'));
    const { html } = await b.get(`/console/reports/${reportId}`);
    expect(html).toContain('第二十条数据');
    expect(html).toContain('来源系统（必填）');
    expect(html).toContain('行政许可处理决定数量');
    expect(html).toContain('全年合计');
  });

  it('refuses wrong input beside each field and keeps what was typed', async () => {
    const b = await signedIn('head');
    await b.get(`/console/reports/${reportId}`);
    const res = await b.post(`/console/reports/${reportId}/figures`, {
      period: '0',
      source: '',
      'licensing.decisions': '十二',
      'penalty.decisions': '7',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('请写明数据取自哪个业务系统');
    expect(html).toContain('行政许可处理决定数量应为数字');
    expect(html).toContain('value="十二"');
    expect(html).toContain('value="7"');
    // The action's own refusal (a count must be whole) stands beside its field too.
    const half = await b.post(`/console/reports/${reportId}/figures`, {
      period: '3',
      source: '行政执法信息平台',
      'penalty.decisions': '1.5',
    });
    expect(half.status).toBe(400);
    const again = await half.text();
    expect(again).toMatch(/id="f-fig-1-error">行政处罚决定数量应为整数/);
    expect(again).toContain('value="行政执法信息平台"');
  });

  it('figures typed by month and for the whole year appear in the report after 重新计算', async () => {
    const b = await signedIn('head');
    await b.get(`/console/reports/${reportId}`);
    const post = (fields: Record<string, string>) => b.post(`/console/reports/${reportId}/figures`, fields);
    expect((await post({ period: '3', source: '政务服务平台', 'licensing.decisions': '5' })).status).toBe(303);
    expect((await post({ period: '4', source: '政务服务平台', 'licensing.decisions': '6' })).status).toBe(303);
    expect(
      (await post({ period: '0', source: '行政执法信息平台', 'penalty.decisions': '40', 'coercion.decisions': '3' }))
        .status,
    ).toBe(303);
    expect((await post({ period: '0', source: '非税收入管理系统', 'fees.amount': '12.5' })).status).toBe(303);
    const page = await b.get(`/console/reports/${reportId}?saved=figures`);
    expect(page.html).toContain('已录入');
    expect(page.html).toContain('行政执法信息平台');
    expect(page.html).toContain('非税收入管理系统');
    // Not yet in the report: the tables are computed when 重新计算 is pressed.
    expect(toReport(await getReportRow(t.db, reportId)).values['s20_6.penalty.decisions']).toBe(0);
    const rebuilt = await b.post('/console/reports/build', { agencyId: String(tree.education.id), year: '2026' });
    expect(idFrom(rebuilt.headers.get('location'))).toBe(reportId);
    const values = toReport(await getReportRow(t.db, reportId)).values;
    expect(values['s20_5.licensing.decisions']).toBe(11);
    expect(values['s20_6.penalty.decisions']).toBe(40);
    expect(values['s20_6.coercion.decisions']).toBe(3);
    expect(values['s20_8.fees.amount']).toBe(12.5);
    const { html } = await b.get(`/console/reports/${reportId}`);
    expect(html).toContain(
      `<td data-key="s20_6.penalty.decisions" class="num"><a href="/console/reports/${reportId}/cells/s20_6.penalty.decisions">40</a></td>`,
    );
  });

  it('a 全年合计 replaces the months of the same figure', async () => {
    const b = await signedIn('head');
    await b.get(`/console/reports/${reportId}`);
    const res = await b.post(`/console/reports/${reportId}/figures`, {
      period: '0',
      source: '政务服务平台',
      'licensing.decisions': '30',
    });
    expect(res.status).toBe(303);
    await b.post('/console/reports/build', { agencyId: String(tree.education.id), year: '2026' });
    expect(toReport(await getReportRow(t.db, reportId)).values['s20_5.licensing.decisions']).toBe(30);
  });

  it('drills a figure cell to the figures entered', async () => {
    const b = await signedIn('head');
    const { res, html } = await b.get(`/console/reports/${reportId}/cells/s20_5.licensing.decisions`);
    expect(res.status).toBe(200);
    expect(html).toContain('全年合计');
    expect(html).toContain('3月');
    expect(html).toContain('行政许可处理决定数量');
  });

  it('drills a cell of section 三 to its cases, names masked for a reader who does not handle them', async () => {
    const head = await signedIn('head');
    const { res, html } = await head.get(`/console/reports/${reportId}/cells/apply.received.natural_person`);
    expect(res.status).toBe(200);
    expect(html).toContain('共 2 件');
    expect(html).toContain('受理编号');
    expect(html).toContain('张三丰');
    expect(html).toContain('予以公开');
    expect(html).toContain('2026-03-01');
    const reader = await signedIn('reader');
    const masked = await reader.get(`/console/reports/${reportId}/cells/apply.received.natural_person`);
    expect(masked.res.status).toBe(200);
    expect(masked.html).not.toContain('张三丰');
    expect(masked.html).toContain('张**');
    // A reader sees the numbers but no form to enter figures.
    const page = await reader.get(`/console/reports/${reportId}`);
    expect(page.html).not.toContain('来源系统（必填）');
    expect(page.html).toContain(`/console/reports/${reportId}/cells/apply.received.natural_person`);
  });

  it('drills a cell of section 二 to its catalog items; a key that is no cell is 404', async () => {
    const b = await signedIn('head');
    const items = await b.get(`/console/reports/${reportId}/cells/s20_1.normative.made`);
    expect(items.res.status).toBe(200);
    expect(items.html).toContain('索引号');
    expect(items.html).toContain('共 1 条');
    expect(items.html).toContain('关于规范中小学课后服务的通知');
    expect(items.html).toContain('11510000MB0000001X/2026-00001');
    expect((await b.get(`/console/reports/${reportId}/cells/no.such.key`)).res.status).toBe(404);
    expect((await b.get(`/console/reports/${reportId}/cells/s20_3.licensing.count`)).res.status).toBe(404);
  });

  it('once published, a number is corrected from its records page with a reason', async () => {
    const b = await signedIn('head');
    await b.get(`/console/reports/${reportId}`);
    expect((await b.post(`/console/reports/${reportId}/lock`, {})).status).toBe(303);
    expect((await b.post(`/console/reports/${reportId}/publish`, {})).status).toBe(303);
    const { html } = await b.get(`/console/reports/${reportId}/cells/s20_6.penalty.decisions`);
    expect(html).toContain('更正本栏数字');
    expect(html).toContain('name="key" value="s20_6.penalty.decisions"');
    const res = await b.post(`/console/reports/${reportId}/correct`, {
      key: 's20_6.penalty.decisions',
      value: '41',
      reason: '行政执法信息平台补录一件处罚决定',
    });
    expect(res.status).toBe(303);
    expect(toReport(await getReportRow(t.db, reportId)).values['s20_6.penalty.decisions']).toBe(41);
    // A reader sees the records, not the correction.
    const reader = await signedIn('reader');
    expect((await reader.get(`/console/reports/${reportId}/cells/s20_6.penalty.decisions`)).html).not.toContain(
      '更正本栏数字',
    );
  });

  it('another agency’s staff cannot see the records', async () => {
    await makeUser(t.db, { agency: tree.town, role: 'office_head', username: 'townhead' });
    const b = await signedIn('townhead');
    const { res } = await b.get(`/console/reports/${reportId}/cells/apply.received.natural_person`);
    expect(res.status).toBe(403);
  });
});

describe('a consolidated report (本机关及所属单位合计) drills to the records of the whole subtree', () => {
  it('the county builds its report over its subtree; a cell lists the education bureau’s cases', async () => {
    await makeUser(t.db, { agency: tree.county, role: 'office_head', username: 'countyhead' });
    const b = await signedIn('countyhead');
    const page = await b.get('/console/reports');
    expect(page.html).toContain('本机关及所属单位合计');
    const res = await b.post('/console/reports/build', {
      agencyId: String(tree.county.id),
      year: '2026',
      countScope: 'subtree',
    });
    expect(res.status).toBe(303);
    const id = idFrom(res.headers.get('location'));
    const row = await getReportRow(t.db, id);
    expect(row.countScope).toBe('subtree');
    expect(toReport(row).values['apply.received.natural_person']).toBe(2);
    const builder = await b.get(`/console/reports/${id}`);
    expect(builder.html).toContain('统计范围：本机关及所属单位合计');
    // 重新计算 keeps the scope.
    expect(builder.html).toContain('name="countScope" value="subtree"');
    const { html } = await b.get(`/console/reports/${id}/cells/apply.received.natural_person`);
    expect(html).toContain('共 2 件');
    // The county's own report counts none of them.
    const own = await b.post('/console/reports/build', {
      agencyId: String(tree.county.id),
      year: '2026',
      countScope: 'own',
    });
    expect(
      toReport(await getReportRow(t.db, idFrom(own.headers.get('location')))).values['apply.received.natural_person'],
    ).toBe(0);
  });

  it('the supervisor’s consolidated report of the season links each number to the subtree’s records', async () => {
    await makeUser(t.db, { agency: tree.county, role: 'supervisor', username: 'countysup' });
    const b = await signedIn('countysup');
    const season = await b.get('/console/supervision/season?year=2026');
    expect(season.html).toContain('/console/supervision/season/cells/apply.received.natural_person?year=2026');
    const { res, html } = await b.get('/console/supervision/season/cells/apply.received.natural_person?year=2026');
    expect(res.status).toBe(200);
    expect(html).toContain('共 2 件');
    expect(html).toContain('受理编号');
    // A supervisor does not handle the cases: the applicants' names are masked.
    expect(html).not.toContain('张三丰');
    expect((await b.get('/console/supervision/season/cells/no.such.key?year=2026')).res.status).toBe(404);
  });
});
