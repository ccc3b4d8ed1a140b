/**
 * An agency's annual report computed from the records: section 二 (and the old table's 主动公开 rows) from
 * the catalog, sections 三 and 四 from the cases — for the agency alone or its whole subtree (全县 / 全市).
 */
import { getAgency, subtreeIds } from '../agencies/tree.ts';
import { computeCaseSections } from '../cases/report-sections.ts';
import { computeCatalogSection } from '../catalog/report-section.ts';
import type { Executor } from '../db/client.ts';
import type { CellValue, Report } from '../report/model.ts';
import { templateForYear } from '../report/templates/index.ts';

export async function computeAgencyReport(
  db: Executor,
  input: { agencyId: number; year: number; subtree?: boolean },
): Promise<Report> {
  const agency = await getAgency(db, input.agencyId);
  const agencyIds = input.subtree ? await subtreeIds(db, agency.id) : [agency.id];
  const format = templateForYear(input.year);
  const values: Record<string, CellValue> = {};
  Object.assign(values, await computeCatalogSection(db, { agencyIds, year: input.year, format }));
  Object.assign(values, await computeCaseSections(db, { agencyIds, year: input.year, format }));
  return { format, year: input.year, issuer: agency.name, hasTable: true, values };
}
