/**
 * Counts kept beside a table (issue #18): a trigger writes them in the same transaction as each change of the
 * table, so recounting the table must give the same figures. A difference (a count edited by hand, a restore of
 * one table without the other) is listed, and a rebuild recounts. One check for each kept count:
 * case_tallies (src/cases/tallies.ts) and catalog_tallies (src/catalog/tallies.ts).
 */
import { sql } from 'drizzle-orm';
import type { Db, Executor } from './client.ts';

/** One fact a count is kept by. */
export interface CountedFact {
  /** Its name in a difference (camelCase). */
  name: string;
  /** Its column in the table of counts. */
  column: string;
  /** The same fact computed from a row of the counted table (SQL). */
  counted: string;
  /** Whether it may be null (compared with `is not distinct from`). */
  nullable?: boolean;
}

export interface KeptCounts {
  /** The table counted, and which of its rows count (SQL; every row when absent). */
  source: string;
  where?: string;
  /** The table of counts: one row per set of facts, its count in `n`. */
  tallies: string;
  facts: CountedFact[];
}

const positions = (spec: KeptCounts) => spec.facts.map((_, i) => i + 1).join(', ');

/** The counts as the counted table gives them, one row per set of facts, named by the tallies' columns. */
function counted(spec: KeptCounts): string {
  return `select ${spec.facts.map((f) => `${f.counted} as ${f.column}`).join(', ')}, count(*)::int as n
    from ${spec.source} ${spec.where ? `where ${spec.where}` : ''} group by ${positions(spec)}`;
}

/** Every set of facts whose kept count differs from the count of the table; empty when they agree. */
export async function recountKept<T>(db: Executor, spec: KeptCounts): Promise<T[]> {
  const columns = spec.facts.map((f) => f.column).join(', ');
  const join = spec.facts
    .map((f) => `c.${f.column} ${f.nullable ? 'is not distinct from' : '='} k.${f.column}`)
    .join(' and ');
  const result = await db.execute<Record<string, unknown>>(
    sql.raw(`
    with counted as (${counted(spec)}),
         kept as (select ${columns}, n from ${spec.tallies} where n <> 0)
    select ${spec.facts.map((f) => `coalesce(c.${f.column}, k.${f.column}) as "${f.name}"`).join(', ')},
           coalesce(k.n, 0) as "kept", coalesce(c.n, 0) as "counted"
      from counted c full join kept k on ${join}
     where coalesce(k.n, 0) <> coalesce(c.n, 0)
     order by ${positions(spec)}`),
  );
  return result.rows as unknown as T[];
}

/** Recounts every kept count from the table (the table locked meanwhile, so no change slips between). */
export async function rebuildKept(db: Db, spec: KeptCounts): Promise<void> {
  const columns = spec.facts.map((f) => f.column).join(', ');
  await db.transaction(async (tx) => {
    await tx.execute(sql.raw(`lock table ${spec.source} in share mode`));
    await tx.execute(sql.raw(`delete from ${spec.tallies}`));
    await tx.execute(sql.raw(`insert into ${spec.tallies} (${columns}, n) ${counted(spec)}`));
  });
}
