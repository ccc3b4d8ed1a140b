/**
 * An agency's annual report computed from the records: section 二 (and the old table's 主动公开 rows) from
 * the catalog, sections 三 and 四 from the cases — for the agency alone or its whole subtree (全县 / 全市).
 */
import { agencyAndSubtree, getAgency } from '../agencies/tree.ts';
import { computeCaseSections } from '../cases/report-sections.ts';
import { computeCatalogSection } from '../catalog/report-section.ts';
import type { Executor } from '../db/client.ts';
import type { CellValue, Report } from '../report/model.ts';
import { templateForYear } from '../report/templates/index.ts';

export async function computeAgencyReport(
  db: Executor,
  input: { agencyId: number; year: number; subtree?: boolean },
): Promise<Report> {
  // The agency and its subtree in one read; then the sections, each from counts kept beside the records, at
  // the same time (on the server each query on its own connection of the pool; PGlite runs them in turn).
  const agencies = input.subtree ? await agencyAndSubtree(db, input.agencyId) : [await getAgency(db, input.agencyId)];
  const agencyIds = agencies.map((a) => a.id);
  const format = templateForYear(input.year);
  const [catalog, casesValues] = await Promise.all([
    computeCatalogSection(db, { agencyIds, year: input.year, format }),
    computeCaseSections(db, { agencyIds, year: input.year, format }),
  ]);
  const values: Record<string, CellValue> = { ...catalog, ...casesValues };
  return { format, year: input.year, issuer: agencies[0].name, hasTable: true, values };
}
