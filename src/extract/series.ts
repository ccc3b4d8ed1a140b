/**
 * A body's reports of consecutive years read together: a local variant's running total (历年累计) run
 * together with the year's figure may be cut only with last year's total (read/variant.ts). In a set of
 * extractions, each report of a variant is linked to the same body's report of the year before, and read
 * again with it, earliest first, so a total decided with its own year before passes on to the next year.
 */
import type { ExtractionOutput } from './pipeline.ts';

type Identity = Pick<ExtractionOutput, 'year' | 'issuer' | 'variant'>;

/** A report (by index) and the report of the year before it (by index). */
export interface PreviousLink {
  index: number;
  previous: number;
}

const bodyYear = (issuer: string, year: number) => `${issuer}\u0000${year}`;

/**
 * The links of a set of extractions, earliest year first: a variant's report to the one report of the same
 * body, same variant, the year before. A body with two reports of one year gives no link to or from that
 * year (which one counts is not known).
 */
export function previousLinks(outputs: readonly Identity[]): PreviousLink[] {
  const byBodyYear = new Map<string, number[]>();
  outputs.forEach((o, index) => {
    if (!o.variant || !o.issuer || o.year === null) return;
    const key = bodyYear(o.issuer, o.year);
    byBodyYear.set(key, [...(byBodyYear.get(key) ?? []), index]);
  });
  const links: PreviousLink[] = [];
  outputs.forEach((o, index) => {
    if (!o.variant || !o.issuer || o.year === null) return;
    if ((byBodyYear.get(bodyYear(o.issuer, o.year)) ?? []).length !== 1) return;
    const before = byBodyYear.get(bodyYear(o.issuer, o.year - 1)) ?? [];
    if (before.length === 1 && outputs[before[0]].variant === o.variant) links.push({ index, previous: before[0] });
  });
  return links.sort((a, b) => (outputs[a.index].year ?? 0) - (outputs[b.index].year ?? 0));
}

/**
 * Each linked report read again with its year before's extraction, earliest first (so the year before has
 * itself been read with its own). `reread` reads one document again; the outputs are replaced in place.
 */
export async function readAsSeries(
  outputs: (ExtractionOutput | undefined)[],
  reread: (index: number, previous: ExtractionOutput) => Promise<ExtractionOutput>,
): Promise<void> {
  const present = outputs.map((o) => o ?? { year: null, issuer: null });
  for (const { index, previous } of previousLinks(present)) {
    const before = outputs[previous];
    if (before) outputs[index] = await reread(index, before);
  }
}
