/**
 * An agency's annual report computed from the records: section 二 from the catalog (when a provider is
 * registered), sections 三 and 四 from the cases — for the agency alone or its whole subtree (全县 / 全市).
 */
import { getAgency, subtreeIds } from '../agencies/tree.ts';
import { computeCaseSections } from '../cases/report-sections.ts';
import type { Executor } from '../db/client.ts';
import type { CellValue, Report } from '../report/model.ts';
import { templateForYear } from '../report/templates/index.ts';

/** Computes section 二 (catalog) cells for the agencies and year. */
export type SectionTwoProvider = (
  db: Executor,
  scope: { agencyIds: number[]; year: number },
) => Promise<Record<string, CellValue>>;

const providers: SectionTwoProvider[] = [];
export function registerSectionTwo(provider: SectionTwoProvider): void {
  if (!providers.includes(provider)) providers.push(provider);
}

export async function computeAgencyReport(
  db: Executor,
  input: { agencyId: number; year: number; subtree?: boolean },
): Promise<Report> {
  const agency = await getAgency(db, input.agencyId);
  const agencyIds = input.subtree ? await subtreeIds(db, agency.id) : [agency.id];
  const format = templateForYear(input.year);
  const values: Record<string, CellValue> = {};
  for (const provide of providers) Object.assign(values, await provide(db, { agencyIds, year: input.year }));
  Object.assign(values, await computeCaseSections(db, { agencyIds, year: input.year, format }));
  return { format, year: input.year, issuer: agency.name, hasTable: true, values };
}
