/**
 * A body's reports of consecutive years read together: figures run together may be cut only with the years
 * either side — a local variant's running total (历年累计, read/variant.ts) and section 二's 上一年项目数量
 * (repair/section-two-years.ts). In a set of extractions, each report is linked to the same body's report of
 * the year before (a local variant only to its own variant), and each with a row left out is read again
 * with the reports either side, so a figure decided in one year passes on to the next and back.
 */
import type { ExtractionOutput } from './pipeline.ts';

type Identity = Pick<ExtractionOutput, 'year' | 'issuer' | 'variant'>;

/** A report with a row left out that the years either side might cut (only it is worth reading again). */
const leftOut = (o: ExtractionOutput | undefined) =>
  Boolean(
    o && (Object.keys(o.variantCandidates ?? {}).length > 0 || Object.keys(o.sectionTwoCandidates ?? {}).length > 0),
  );

/** A report (by index) and the report of the year before it (by index). */
export interface PreviousLink {
  index: number;
  previous: number;
}

const bodyYear = (issuer: string, year: number) => `${issuer}\u0000${year}`;

/**
 * The links of a set of extractions, earliest year first: a report to the one report of the same body, same
 * variant (or none), the year before. A body with two reports of one year gives no link to or from that
 * year (which one counts is not known).
 */
export function previousLinks(outputs: readonly Identity[]): PreviousLink[] {
  const byBodyYear = new Map<string, number[]>();
  outputs.forEach((o, index) => {
    if (!o.issuer || o.year === null) return;
    const key = bodyYear(o.issuer, o.year);
    byBodyYear.set(key, [...(byBodyYear.get(key) ?? []), index]);
  });
  const links: PreviousLink[] = [];
  outputs.forEach((o, index) => {
    if (!o.issuer || o.year === null) return;
    if ((byBodyYear.get(bodyYear(o.issuer, o.year)) ?? []).length !== 1) return;
    const before = byBodyYear.get(bodyYear(o.issuer, o.year - 1)) ?? [];
    // A local variant lends only to its own variant; national tables lend section 二 whatever the edition.
    if (before.length === 1 && outputs[before[0]].variant === o.variant) links.push({ index, previous: before[0] });
  });
  return links.sort((a, b) => (outputs[a.index].year ?? 0) - (outputs[b.index].year ?? 0));
}

/**
 * Passes over a series: a figure passes forward within one pass (earliest first) and back one year per pass;
 * past this many, what is left out stays out (a hostile batch of a thousand years costs no more).
 */
export const MAX_PASSES = 8;

/** The reports either side of one report in a series, as extracted. */
export interface Neighbours {
  previous?: ExtractionOutput;
  following?: ExtractionOutput;
}

/** What a re-read may change: the values and what the report lends its neighbours. */
const lent = (o: ExtractionOutput | undefined) =>
  JSON.stringify([o?.values, o?.variantFigures ?? null, o?.variantCandidates ?? null, o?.sectionTwoCandidates ?? null]);

/**
 * Each linked report read again with the reports either side, earliest first, and again while a pass
 * changes anything (a total one year decides may decide the next, and a next year's may decide the one
 * before: 平潭县 2011–2013 decide one another only together). `reread` reads one document again; the outputs
 * are replaced in place. At most MAX_PASSES passes, so a long series costs a bounded number of readings each.
 */
export async function readAsSeries(
  outputs: (ExtractionOutput | undefined)[],
  reread: (index: number, neighbours: Neighbours) => Promise<ExtractionOutput>,
): Promise<void> {
  const present = outputs.map((o) => o ?? { year: null, issuer: null });
  const links = previousLinks(present);
  if (links.length === 0) return;
  const previousOf = new Map(links.map((l) => [l.index, l.previous]));
  const followingOf = new Map(links.map((l) => [l.previous, l.index]));
  const members = [...new Set(links.flatMap((l) => [l.previous, l.index]))].sort(
    (a, b) => (present[a].year ?? 0) - (present[b].year ?? 0),
  );
  for (let pass = 0, changed = true; changed && pass < MAX_PASSES; pass++) {
    changed = false;
    for (const index of members) {
      const before = outputs[previousOf.get(index) ?? -1];
      const after = outputs[followingOf.get(index) ?? -1];
      if (!leftOut(outputs[index])) continue;
      const again = await reread(index, {
        ...(before ? { previous: before } : {}),
        ...(after ? { following: after } : {}),
      });
      if (lent(again) !== lent(outputs[index])) changed = true;
      outputs[index] = again;
    }
  }
}
