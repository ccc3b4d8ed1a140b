import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.ts';
import { agencies } from '../../db/schema/agencies.ts';
import { annualReports, reportCorrections } from '../../db/schema/reports.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { seedGoldDir } from '../../testing/paths.ts';
import { createSite } from '../site.ts';

let t: TestDb;
let publishedId: number;
let draftId: number;

beforeAll(async () => {
  t = await createTestDb();
  const g = JSON.parse(readFileSync(join(seedGoldDir, '002_4aa25779e377b147.json'), 'utf8'));
  const base = { origin: 'computed' as const, bodyKey: 'x', year: 2019, format: g.format, values: g.values };
  [{ id: publishedId }] = await t.db
    .insert(annualReports)
    .values({ ...base, issuer: '南充市高坪区人民政府办公室', status: 'published', publishedAt: new Date() })
    .returning({ id: annualReports.id });
  [{ id: draftId }] = await t.db
    .insert(annualReports)
    .values({ ...base, issuer: '<script>alert(1)</script>草稿机关', bodyKey: 'y', status: 'draft' })
    .returning({ id: annualReports.id });
});
afterAll(() => t.close());

const site = () => createSite({ db: t.db, clock: fixedClock('2026-03-01'), secret: 's', log: () => {} });

describe('政府信息公开年报 on the portal', () => {
  it('lists published reports by year, and not drafts', async () => {
    const html = await (await site().request('/reports')).text();
    expect(html).toContain('南充市高坪区人民政府办公室2019年政府信息公开工作年度报告');
    expect(html).not.toContain('草稿机关');
  });

  it('shows a report in the official layout with charts and download links', async () => {
    const res = await site().request(`/reports/${publishedId}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('data-table="apply"');
    expect(html).toContain('<svg');
    expect(html).toContain(`/reports/${publishedId}.docx`);
  });

  it.each([
    ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['json', 'application/json'],
    ['html', 'text/html'],
  ])('downloads it as %s', async (ext, type) => {
    const res = await site().request(`/reports/${publishedId}.${ext}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(type);
    if (ext === 'json') expect((await res.json()).values['apply.received.total']).toBe(8);
  });

  it('answers 404 for a draft or an unknown report', async () => {
    expect((await site().request(`/reports/${draftId}`)).status).toBe(404);
    expect((await site().request('/reports/999999')).status).toBe(404);
    expect((await site().request('/reports/99999999999999999999')).status).toBe(404);
  });

  it('lists its corrections in order, and shows a corrected version at once', async () => {
    // One site, so that its rendered bodies are kept by the report's version; without the page cache, which an
    // audited correction empties (these rows are written directly, without the action and its audit event).
    const app = createSite({ db: t.db, clock: fixedClock('2026-03-01'), secret: 's', log: () => {}, pageCache: false });
    const [published] = await t.db.select().from(annualReports).where(eq(annualReports.id, publishedId));
    const [{ id }] = await t.db
      .insert(annualReports)
      .values({
        origin: 'computed',
        bodyKey: 'z',
        year: 2020,
        format: published.format,
        values: published.values,
        issuer: '示范县财政局',
        status: 'published',
        publishedAt: new Date(),
      })
      .returning({ id: annualReports.id });
    expect(await (await app.request(`/reports/${id}`)).text()).not.toContain('次更正');
    const fix = (at: string, reason: string) => ({ reportId: id, at: new Date(at), reason, before: {}, after: {} });
    await t.db
      .insert(reportCorrections)
      .values([
        fix('2021-03-02T10:00:00+08:00', '更正收到申请数'),
        fix('2021-02-01T09:00:00+08:00', '更正发布机构名称'),
      ]);
    await t.db
      .update(annualReports)
      .set({ issuer: '示范县财政局（更正）', updatedAt: new Date() })
      .where(eq(annualReports.id, id));
    const html = await (await app.request(`/reports/${id}`)).text();
    expect(html).toContain('本报告发布后有 2 次更正');
    expect(html.indexOf('2021-02-01 更正发布机构名称')).toBeGreaterThan(0);
    expect(html.indexOf('2021-02-01 更正发布机构名称')).toBeLessThan(html.indexOf('2021-03-02 更正收到申请数'));
    expect(html).toContain('示范县财政局（更正）2020年政府信息公开工作年度报告');
  });

  it('lists the bodies in tree order (the 人民政府 first, then each level by pinyin), filtered by year and body', async () => {
    const agency = (name: string, kind: 'government' | 'department', path: string) =>
      t.db
        .insert(agencies)
        .values({ name, kind, path })
        .returning({ id: agencies.id })
        .then(([r]) => r.id);
    const gov = await agency('某县人民政府', 'government', '/900/');
    const zhu = await agency('某县住房和城乡建设局', 'department', '/900/901/');
    const cai = await agency('某县财政局', 'department', '/900/902/');
    const an = await agency('某县安全生产监督管理局', 'department', '/900/903/');
    const g = JSON.parse(readFileSync(join(seedGoldDir, '002_4aa25779e377b147.json'), 'utf8'));
    const report = (agencyId: number, issuer: string, year: number, origin: 'computed' | 'imported') =>
      t.db
        .insert(annualReports)
        .values({
          origin,
          agencyId,
          issuer,
          bodyKey: `${issuer}${origin}`,
          year,
          format: g.format,
          values: g.values,
          status: 'published',
          publishedAt: new Date(),
        })
        .returning({ id: annualReports.id })
        .then(([r]) => r.id);
    await report(zhu, '某县住房和城乡建设局', 2025, 'computed');
    await report(cai, '某县财政局', 2025, 'computed');
    await report(gov, '某县人民政府', 2025, 'computed');
    await report(an, '某县安全生产监督管理局', 2025, 'computed');
    await report(cai, '某县财政局', 2024, 'computed');
    const imported = await report(an, '外县人民政府', 2025, 'imported');
    const html = await (await site().request('/reports?year=2025&agency=')).text();
    const order = [...html.matchAll(/>(某县[^<]*?)2025年政府信息公开工作年度报告</g)].map((m) => m[1]);
    expect(order).toEqual(['某县人民政府', '某县安全生产监督管理局', '某县财政局', '某县住房和城乡建设局']);
    expect(html).not.toContain('2024年政府信息公开工作年度报告');
    expect(html).not.toContain('外县人民政府');
    const one = await (await site().request(`/reports?agency=${cai}`)).text();
    expect(one).toContain('某县财政局2025年');
    expect(one).toContain('某县财政局2024年');
    expect(one).not.toContain('某县人民政府2025年');
    // An imported report of another body is 年报数据, never shown under this site as its own.
    expect((await site().request(`/reports/${imported}`)).status).toBe(404);
  });
});
