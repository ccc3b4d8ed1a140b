/**
 * 查看统计数的来源: the records behind one number of a computed report — the catalog items (or the 第二十条
 * figures entered by month) of section 二, the cases of sections 三 and 四 — for the agencies the report counts.
 */
import { subtreeIds } from '../agencies/tree.ts';
import { drillDown } from '../cases/report-sections.ts';
import { type CellDrill, drillCatalogCell, isCatalogCell } from '../catalog/report-section.ts';
import type { Executor } from '../db/client.ts';
import type { CountScope } from '../db/schema/reports.ts';
import type { TemplateId } from '../report/model.ts';

const CASE_CELL: Record<TemplateId, RegExp> = {
  new2021: /^(apply|review|litigation)\.[a-z0-9_.]+$/,
  new2019: /^(apply|review|litigation)\.[a-z0-9_.]+$/,
  old2008: /^(apply\.(received|completed|answered)(\.[a-z0-9_]+)*|(review|litigation)\.[a-z_]+)$/,
};

/** Whether a cell of the report has records to show (the console links it). */
export function hasCellRecords(format: TemplateId, key: string): boolean {
  return isCatalogCell(key, format) || CASE_CELL[format].test(key);
}

export type CellRecords =
  | { kind: 'catalog'; drill: CellDrill }
  | { kind: 'cases'; caseIds: number[] }
  | { kind: 'none' };

export async function cellRecords(
  db: Executor,
  scope: { agencyIds: number[]; year: number; format: TemplateId; key: string },
): Promise<CellRecords> {
  if (isCatalogCell(scope.key, scope.format)) return { kind: 'catalog', drill: await drillCatalogCell(db, scope) };
  if (CASE_CELL[scope.format].test(scope.key)) return { kind: 'cases', caseIds: await drillDown(db, scope) };
  return { kind: 'none' };
}

/** The agencies whose records a computed report counts: its own, or its whole subtree for a consolidated report. */
export async function countedAgencyIds(db: Executor, report: { agencyId: number; countScope: CountScope }) {
  return report.countScope === 'subtree' ? subtreeIds(db, report.agencyId) : [report.agencyId];
}
