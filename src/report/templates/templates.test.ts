import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedsDir } from '../../testing/paths.ts';
import { TEMPLATE_IDS, type TemplateId } from '../model.ts';
import type { TableDef } from '../template.ts';
import {
  APPLY_COLUMNS,
  APPLY_ROW_KEYS,
  getTemplate,
  keyInfo,
  keysOf,
  REVIEW_LITIGATION_KEYS,
  SECTION_FOUR_KEYS,
  templateForYear,
} from './index.ts';

/** Columns a header row covers, counting cells that span down from the rows above (the official merged cells). */
function headerWidths(table: TableDef): number[] {
  const carried: number[] = []; // per row index: columns taken by rowspans from above
  return table.header.map((row, r) => {
    let width = carried[r] ?? 0;
    for (const cell of row) {
      const span = cell.colspan ?? 1;
      width += span;
      for (let below = 1; below < (cell.rowspan ?? 1); below++) carried[r + below] = (carried[r + below] ?? 0) + span;
    }
    return width;
  });
}

const tableWidth = (table: TableDef) =>
  table.kind === 'list'
    ? 3
    : table.kind === 'wide'
      ? (table.columns ?? []).length
      : (table.labelColumns ?? 1) + (table.columns ?? []).length;

describe('templates', () => {
  it.each([
    [2008, 'old2008'],
    [2018, 'old2008'],
    [2019, 'new2019'],
    [2020, 'new2019'],
    [2021, 'new2021'],
    [2025, 'new2021'],
  ] as const)('a report for %i follows %s', (year, id) => {
    expect(templateForYear(year)).toBe(id);
    const [from, to] = getTemplate(id).years;
    expect(year).toBeGreaterThanOrEqual(from);
    if (to !== null) expect(year).toBeLessThanOrEqual(to);
  });

  it('refuses an unknown template id', () => {
    expect(() => getTemplate('new2030' as TemplateId)).toThrow('未知的报告模板');
  });

  it.each(TEMPLATE_IDS)('%s: keys are unique, and every header covers the table width', (id) => {
    const keys = keysOf(id);
    expect(new Set(keys).size).toBe(keys.length);
    for (const table of getTemplate(id).tables) {
      for (const width of headerWidths(table)) expect(width, `${id}/${table.id}`).toBe(tableWidth(table));
    }
  });

  it('counts the cells of the official tables', () => {
    // 23 data rows × 7 columns in 2019; 2021 adds the three （六） sub-rows (the one row stays, optional).
    expect(keysOf('new2019').filter((k) => k.startsWith('apply.'))).toHaveLength(23 * 7);
    expect(keysOf('new2021').filter((k) => k.startsWith('apply.'))).toHaveLength(26 * 7);
    expect(APPLY_ROW_KEYS).toHaveLength(26);
    expect(REVIEW_LITIGATION_KEYS).toHaveLength(15);
    expect(SECTION_FOUR_KEYS).toBe(REVIEW_LITIGATION_KEYS);
    expect(APPLY_COLUMNS.map((c) => c.key)).toEqual([
      'natural_person',
      'commercial',
      'research',
      'nonprofit',
      'legal_service',
      'other_org',
      'total',
    ]);
  });

  it.each([
    ['new2021', 'apply.withheld.state_secret.natural_person', '不予公开：属于国家秘密（自然人）', '件', 'count'],
    ['new2021', 'apply.other.fee_unpaid.total', '其他处理：逾期未缴费（总计）', '件', 'count'],
    ['new2021', 's20_8.fees.amount', '行政事业性收费（本年收费金额（单位：万元））', '万元', 'amount'],
    ['new2019', 's20_5.licensing.change', '行政许可（本年增/减）', '项', 'change'],
    ['new2019', 's20_9.procurement.amount', '政府集中采购（采购总金额）', '万元', 'amount'],
    ['new2019', 'litigation.after_review.total', '行政诉讼（复议后起诉）总计', '件', 'count'],
    ['old2008', 'review.corrected', '行政复议数量：被依法纠错数', '件', 'count'],
    [
      'old2008',
      'org.budget',
      '政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）',
      '万元',
      'amount',
    ],
    ['old2008', 'training.trainees', '接受培训人员数', '人次', 'count'],
  ] as const)('%s %s: %s, %s, %s', (id, key, label, unit, kind) => {
    expect(keyInfo(id, key)).toMatchObject({ label, unit, kind });
  });

  it.each([
    ['new2019', 's20_1.rules.in_force'],
    ['new2021', 's20_9.procurement.amount'],
    ['new2021', 's20_5.other_services.decisions'],
    ['old2008', 'apply.received.total'],
  ] as const)('%s has no key %s', (id, key) => {
    expect(keyInfo(id, key)).toBeUndefined();
  });

  /** Labels (spaces and numbering stripped) as the seeds print them must be a row label or alias. */
  const compact = (s: string) =>
    s.replace(/\s+/g, '').replace(/[（(]/g, '（').replace(/[）)]/g, '）').replace(/:/g, '：');
  it.each([
    ['old2008', '000_6e3b6fbd91fc059e.txt'],
    ['old2008', '001_75263946f453c9d5.txt'],
    ['old2008', '003_dcb72101f199030d.txt'],
    ['new2019', '002_4aa25779e377b147.txt'],
  ] as const)('%s: every row label of the template that seed %s prints is a label or alias', (id, seed) => {
    const text = compact(readFileSync(join(seedsDir, seed), 'utf8'));
    const rows = getTemplate(id).tables.flatMap((t) => t.rows.filter((r) => r.key));
    const printed = rows.filter((r) => [r.label, ...(r.aliases ?? [])].some((l) => text.includes(compact(l))));
    // The seeds print nearly every row (003 drops 政府公报, 在线访谈, 查阅点 and the 规范性文件 rows).
    expect(printed.length / rows.length).toBeGreaterThan(0.8);
  });

  it('carries the label variants met in the hongze PDFs and seed 003', () => {
    const aliases = (id: TemplateId, key: string) => {
      for (const table of getTemplate(id).tables) {
        const row = table.rows.find((r) => r.key === key);
        if (row) return row.aliases ?? [];
      }
      return [];
    };
    expect(aliases('new2021', 'apply.withheld.law_prohibited')).toContain('其他法律行政止公开');
    expect(aliases('new2021', 'apply.not_processed.excessive')).toContain('无正当理由大量反复 申请');
    expect(APPLY_COLUMNS.find((c) => c.key === 'commercial')?.aliases).toContain('商业 企业');
    expect(aliases('old2008', 'review.total')).toContain('因政府信息公开引起的行政复议数量');
    const apply2021 = getTemplate('new2021').tables.find((t) => t.id === 'apply')!;
    expect(apply2021.rows.find((r) => r.key === 'apply.other')).toMatchObject({
      numbering: '（六）',
      label: '其他处理',
      optional: true,
    });
  });
});
