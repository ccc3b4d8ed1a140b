import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadUser } from '../../auth/users.ts';
import { fixedClock } from '../../clock.ts';
import { agencies } from '../../db/schema/agencies.ts';
import { users } from '../../db/schema/auth.ts';
import { annualReports } from '../../db/schema/reports.ts';
import { supervisionNotices } from '../../db/schema/supervision.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { loadDemo } from '../../demo/county.ts';
import { returnReport } from '../../reports/actions/return-report.ts';
import { opinionDocx, opinionText } from './opinion.ts';
import { auditOne, auditSubtree } from './query.ts';
import { BLANK_KEY, seedAuditCases } from './testing.ts';
import { AUDIT_HEADER, AUDIT_HEADER_ROW, auditXlsx } from './xlsx.ts';

const clock = fixedClock('2026-02-10T10:00:00+08:00');
const COPIED = 3;
const BLANK = 4;
let t: TestDb;
const userNamed = async (username: string) => {
  const [row] = await t.db.select().from(users).where(eq(users.username, username));
  return loadUser(t.db, row.id);
};
const nameOf = async (id: number) => (await t.db.select().from(agencies).where(eq(agencies.id, id)))[0].name;

/** The text of a DOCX's main part. */
async function docxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

beforeAll(async () => {
  t = await createTestDb();
  await loadDemo({ db: t.db, clock }, { perYear: 300, fromYear: 2024, reportsUpTo: 2025 });
  await seedAuditCases(t.db, { year: 2025, copied: COPIED, blank: BLANK });
}, 180_000);
afterAll(() => t.close());

describe('年报审核 of the demo county', () => {
  it('lists the unit whose section 五 is last year again, with its repeat rate, and the unit with a blank cell', async () => {
    const supervisor = await userNamed('supervisor');
    const { units, audited } = await auditSubtree(t.db, supervisor, { year: 2025 });
    expect(audited).toBe(61);
    const repeated = units.filter((u) => u.problems.some((p) => p.kind === 'narrative_repeated'));
    expect(repeated.map((u) => u.agencyId)).toEqual([COPIED]);
    const copy = repeated[0].problems.find((p) => p.kind === 'narrative_repeated')!;
    expect(copy.repeatRate).toBe(1);
    expect(copy.message).toContain('「五、存在的主要问题及改进情况」与2024年度报告重复率为100%');
    const blank = units.filter((u) => u.problems.some((p) => p.kind === 'blank_cell'));
    expect(blank.map((u) => u.agencyId)).toEqual([BLANK]);
    const cell = blank[0].problems.find((p) => p.kind === 'blank_cell')!;
    expect(cell.cells).toEqual([
      { key: BLANK_KEY, label: '行政复议结果维持', section: expect.stringContaining('行政复议') },
    ]);
    // No unit's sections were left empty in the demo.
    expect(units.some((u) => u.problems.some((p) => p.kind === 'narrative_empty'))).toBe(false);
  });

  it('filters by unit and by kind of problem', async () => {
    const supervisor = await userNamed('supervisor');
    const byKind = await auditSubtree(t.db, supervisor, { year: 2025, kind: 'blank_cell' });
    expect(byKind.units.map((u) => u.agencyId)).toEqual([BLANK]);
    expect(byKind.units[0].problems.every((p) => p.kind === 'blank_cell')).toBe(true);
    const byUnit = await auditSubtree(t.db, supervisor, { year: 2025, agencyId: COPIED });
    expect(byUnit.units.map((u) => u.agencyId)).toEqual([COPIED]);
    const none = await auditSubtree(t.db, supervisor, { year: 2025, agencyId: COPIED, kind: 'blank_cell' });
    expect(none.units).toEqual([]);
  });

  it('a unit sees no audit; a supervisor cannot audit a report outside the subtree of their agency', async () => {
    const unit = await userNamed('unit1');
    await expect(auditSubtree(t.db, unit, { year: 2025 })).rejects.toMatchObject({ code: 'forbidden' });
    const supervisor = await userNamed('supervisor');
    const narrow = { ...supervisor, agencyId: BLANK, scope: [BLANK] };
    const [copied] = await t.db.select().from(annualReports).where(eq(annualReports.agencyId, COPIED));
    await expect(auditOne(t.db, narrow, copied.id)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('exports the filtered list as XLSX with official labels, never internal keys', async () => {
    const supervisor = await userNamed('supervisor');
    const { units } = await auditSubtree(t.db, supervisor, { year: 2025, kind: 'blank_cell' });
    const bytes = await auditXlsx(units, { title: '2025年度年报审核问题清单', exportedAt: '2026/2/10', filters: '' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as never);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(AUDIT_HEADER_ROW).values).toEqual([undefined, ...AUDIT_HEADER]);
    const row = sheet.getRow(AUDIT_HEADER_ROW + 1);
    expect(row.getCell(2).value).toBe(await nameOf(BLANK));
    expect(row.getCell(6).value).toBe('空白或“/”单元格');
    expect(row.getCell(8).value).toBe('行政复议结果维持');
    const all = sheet.getSheetValues().flat().join('|');
    expect(all).not.toContain(BLANK_KEY);
  });

  it('the 审核意见 DOCX of each unit names its problem; returned with it, the unit gets it as a 督办 notice', async () => {
    const supervisor = await userNamed('supervisor');
    const sign = { from: '示范县人民政府办公室', date: '2026-02-10' };
    const copiedAudit = await auditSubtree(t.db, supervisor, { year: 2025, agencyId: COPIED });
    const copiedText = await docxText(await opinionDocx(copiedAudit.units[0], sign));
    expect(copiedText).toContain(`关于${await nameOf(COPIED)}2025年度政府信息公开工作年度报告的审核意见`);
    expect(copiedText).toContain('与上年重复问题');
    expect(copiedText).toContain('重复率为100%');

    const blank = await auditSubtree(t.db, supervisor, { year: 2025, agencyId: BLANK });
    const one = await auditOne(t.db, supervisor, blank.units[0].reportId);
    expect(one.problems).toEqual(blank.units[0].problems);
    const blankDocx = await opinionDocx(one, sign);
    const blankText = await docxText(blankDocx);
    // GB/T 9704: 公文 fonts, every heading style black, the standard margins.
    const zip = await JSZip.loadAsync(blankDocx);
    const styles = await zip.file('word/styles.xml')!.async('string');
    const doc = await zip.file('word/document.xml')!.async('string');
    for (const f of ['方正小标宋简体', '黑体', '仿宋_GB2312']) expect(doc + styles).toContain(f);
    const headingStyles = [...styles.matchAll(/<w:style [^>]*w:styleId="(Title|Heading\d)"[\s\S]*?<\/w:style>/g)];
    expect(headingStyles.length).toBeGreaterThan(0);
    for (const [style] of headingStyles) expect(style).not.toMatch(/2F5496|4472C4|1F3763|1F4D78|2E74B5|w:themeColor/);
    expect(doc).toMatch(/<w:pgMar [^>]*w:top="2098"/);
    expect(blankText).toContain('空白或“/”单元格问题');
    expect(blankText).toContain('（涉及：「行政复议结果维持」）');
    expect(blankText).toContain('2026年2月10日');
    expect(blankText).not.toContain(BLANK_KEY);

    const notice = await returnReport(
      { db: t.db, clock },
      { user: supervisor, reportId: one.reportId, reason: opinionText(one) },
    );
    expect(notice.toAgencyId).toBe(BLANK);
    const [sent] = await t.db.select().from(supervisionNotices).where(eq(supervisionNotices.id, notice.id));
    expect(sent.body).toContain('「行政复议结果维持」');
    const [after] = await t.db.select().from(annualReports).where(eq(annualReports.id, one.reportId));
    expect(after.status).toBe('draft');
  });

  it('audits an imported report of a unit as it audits a computed one', async () => {
    const supervisor = await userNamed('supervisor');
    const [computed] = await t.db
      .select()
      .from(annualReports)
      .where(and(eq(annualReports.agencyId, 5), eq(annualReports.year, 2025)));
    await t.db.insert(annualReports).values({
      origin: 'imported',
      agencyId: 5,
      issuer: computed.issuer,
      bodyKey: computed.bodyKey,
      year: 2025,
      format: computed.format,
      values: { ...computed.values, 'review.corrected': '/' },
      narrative: { overview: '总体情况。' },
      status: 'published',
      source: '2025年报.docx',
    });
    const { units } = await auditSubtree(t.db, supervisor, { year: 2025, agencyId: 5 });
    const imported = units.find((u) => u.origin === 'imported')!;
    expect(imported.problems.map((p) => p.kind)).toEqual(['narrative_empty', 'narrative_empty', 'blank_cell']);
    expect(imported.problems[2].cells[0].label).toBe('行政复议结果纠正');
    // The unit's own computed report is listed beside it, each with its own problems.
    expect(units.map((u) => u.origin)).toEqual(['computed', 'imported']);
    // An imported report whose narrative was not read at all: its sections are not called empty.
    await t.db
      .update(annualReports)
      .set({ narrative: {} })
      .where(and(eq(annualReports.origin, 'imported'), eq(annualReports.agencyId, 5)));
    const again = await auditOne(t.db, supervisor, imported.reportId);
    expect(again.problems.map((p) => p.kind)).toEqual(['blank_cell']);
  });
});
