import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.ts';
import { auditEvents } from '../db/schema/audit.ts';
import { annualReports } from '../db/schema/reports.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { corpusCase } from '../extract/corpus/generate.ts';
import { type ExtractionOutput, extractBuffer, extractFile } from '../extract/pipeline.ts';
import { samplesDir } from '../testing/paths.ts';
import { createSite } from '../web/site.ts';
import { importFiles } from './actions/import-files.ts';
import { importReports, ROWS_PER_INSERT } from './actions/import-reports.ts';
import { crossYearFindings, importedReports } from './queries.ts';

let t: TestDb;
const clock = fixedClock('2026-03-01');

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

describe('imported published reports', () => {
  it('stores extracted reports, lists one with an arithmetic error with its finding, and browses each', async () => {
    const outputs = [];
    for (let i = 0; i < 12; i++) {
      const c = await corpusCase(i, 'tabs', 'none');
      outputs.push(await extractBuffer(c.bytes, c.name));
    }
    // One report with a broken sum, as published reports often have.
    const broken = structuredClone(outputs[1]);
    const key = 'apply.received.total';
    expect(typeof broken.values[key]).toBe('number');
    broken.values[key] = (broken.values[key] as number) + 7;
    const { check } = await import('../report/check.ts');
    broken.findings = check({
      format: broken.format,
      year: broken.year!,
      issuer: broken.issuer!,
      values: broken.values,
    });
    broken.source = '/srv/gongkai/imports/2024/broken.txt';
    outputs.push(broken);
    const ids = await importReports({ db: t.db, now: clock.now() }, { actorId: null, outputs });
    expect(ids).toHaveLength(13);
    const withErrors = await importedReports(t.db, { withErrors: true });
    expect(withErrors.map((r) => r.source)).toContain('/srv/gongkai/imports/2024/broken.txt');
    const site = createSite({ db: t.db, clock, secret: 's', log: () => {} });
    // The 筛选 form sends its empty fields (year=, format=): they mean "any", not a 400.
    const filtered = await site.request('/data?year=&format=&body=&errors=1');
    expect(filtered.status).toBe(200);
    const list = await filtered.text();
    expect(list).toContain(`/data/${ids.at(-1)}"`);
    expect(list).not.toContain(`/data/${ids[0]}"`);
    const page = await site.request(`/data/${ids.at(-1)}`);
    expect(page.status).toBe(200);
    const detail = await page.text();
    expect(detail).toContain(broken.findings[0].message.slice(0, 10));
    // The document's name, never where the server keeps it.
    expect(detail).toContain('broken.txt');
    expect(detail).not.toContain('/srv/gongkai');
    for (const id of ids) expect((await site.request(`/data/${id}`)).status).toBe(200);
    const csv = await (await site.request('/data/export.csv?year=&format=')).text();
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(14);
    // Official indicator names head the columns, not canonical keys.
    const header = csv.split('\r\n')[0];
    expect(header).not.toContain(key);
    expect(header).toContain('机关');
    expect(header).toMatch(/新收政府信息公开申请/);
    expect(csv).not.toContain('/srv/gongkai');
    const json = await (await site.request('/data/export.json')).json();
    expect(json.indicators[key]).toMatch(/新收政府信息公开申请/);
  });

  it('stores a batch larger than one insert in order, each report with its own audit event', async () => {
    const outputs: ExtractionOutput[] = [];
    for (let i = 0; i < 6; i++) {
      const c = await corpusCase(100 + i, 'tabs', 'none');
      outputs.push(await extractBuffer(c.bytes, `/srv/imports/${c.name}`));
    }
    const many = Array.from({ length: ROWS_PER_INSERT + 37 }, (_, i) => ({
      ...outputs[i % outputs.length],
      source: `/srv/imports/${i}.txt`,
    }));
    const ids = await importReports({ db: t.db, now: clock.now() }, { actorId: null, outputs: many });
    expect(ids).toHaveLength(many.length);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    const rows = await t.db.select().from(annualReports).where(inArray(annualReports.id, ids));
    const byId = new Map(rows.map((r) => [r.id, r]));
    ids.forEach((id, i) => {
      const row = byId.get(id)!;
      expect(row.source).toBe(many[i].source);
      expect(row.values).toEqual(many[i].values);
      expect(row.year).toBe(many[i].year);
    });
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'report.imported'), inArray(auditEvents.entityId, ids.map(String))));
    expect(events.map((e) => Number(e.entityId)).sort((a, b) => a - b)).toEqual(ids);
    const last = events.find((e) => e.entityId === String(ids.at(-1)))!;
    expect(last.data).toEqual({
      year: many.at(-1)!.year,
      format: many.at(-1)!.format,
      issuer: many.at(-1)!.issuer,
      file: `${many.length - 1}.txt`,
    });
    expect(last.at).toEqual(clock.now());
  }, 60_000);

  it('imports files in worker threads: the bad one reported, the others stored in order, each audited', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-import-'));
    const good: string[] = [];
    for (let i = 0; i < 7; i++) {
      const c = await corpusCase(200 + i, i % 2 ? 'html' : 'tabs', 'none');
      const path = join(dir, `${i}-${c.name}`);
      writeFileSync(path, c.bytes);
      good.push(path);
      if (i === 2) writeFileSync(join(dir, `${i}-z-broken.pdf`), 'not a pdf at all');
    }
    try {
      const { summary, stored } = await importFiles(
        { db: t.db, now: () => clock.now() },
        { paths: [...good.slice(0, 3), join(dir, '2-z-broken.pdf'), ...good.slice(3)], jobs: 2 },
      );
      expect(stored).toBe(good.length);
      expect(summary.unreadable.map((u) => u.source)).toEqual([join(dir, '2-z-broken.pdf')]);
      const rows = await t.db
        .select({ id: annualReports.id, source: annualReports.source })
        .from(annualReports)
        .where(inArray(annualReports.source, good))
        .orderBy(annualReports.id);
      expect(rows.map((r) => r.source)).toEqual(good);
      const events = await t.db
        .select({ entityId: auditEvents.entityId })
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.action, 'report.imported'),
            inArray(
              auditEvents.entityId,
              rows.map((r) => String(r.id)),
            ),
          ),
        );
      expect(events).toHaveLength(good.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('matches a body across years though its name is written differently, and checks the carry-over', async () => {
    const [y23, y24] = await Promise.all([
      extractFile(join(samplesDir, 'hongze-2023.pdf')),
      extractFile(join(samplesDir, 'hongze-2024.pdf')),
    ]);
    expect(y23.issuer).not.toBe(y24.issuer);
    await importReports({ db: t.db, now: clock.now() }, { actorId: null, outputs: [y23, y24] });
    const cross = await crossYearFindings(t.db, '洪泽区人民政府');
    expect(cross).toEqual([{ year: 2024, findings: [] }]);
    const site = createSite({ db: t.db, clock, secret: 's', log: () => {} });
    const body = await (await site.request(`/data/body/${encodeURIComponent('洪泽区人民政府')}`)).text();
    expect(body).toContain('与上年衔接');
  }, 30_000);
});
