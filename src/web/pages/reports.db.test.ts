import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.ts';
import { annualReports } from '../../db/schema/reports.ts';
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
  });
});
