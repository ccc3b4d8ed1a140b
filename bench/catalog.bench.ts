/**
 * Catalog search: bulk-indexes N generated items (segmentation in TypeScript, to_tsvector + GIN in the
 * database) and measures search latency (p50/p95 over mixed queries, filters and highlighting included).
 * PGlite: N = 100,000 (target p95 < 200 ms). PostgreSQL server: N = 1,000,000 (target p95 < 50 ms), only when
 * a server is configured — config.databaseUrl, or `--pg=postgres://…` on the command line (env-free).
 * `--n=20000` overrides N for a quick run; `--only=pglite` or `--only=postgres` runs one of the two.
 *
 *   npm run bench catalog -- --n=20000
 *   npm run bench catalog -- --pg=postgres://postgres@127.0.0.1:5432/test
 *   npm run bench catalog -- --only=postgres --n=20000 --body-chars=3000
 */
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { creditCodeCheckChar } from '../src/agencies/credit-code.ts';
import { type BulkItem, insertItemsBulk } from '../src/catalog/bulk-index.ts';
import { formatIndexNo } from '../src/catalog/index-number.ts';
import { itemSearchText } from '../src/catalog/item-fields.ts';
import { searchCatalog } from '../src/catalog/search.ts';
import { SearchTextPool } from '../src/catalog/search-text-pool.ts';
import { config } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { agencies } from '../src/db/schema/agencies.ts';
import { catalogItems } from '../src/db/schema/catalog.ts';
import { prng } from '../src/report/sample.ts';
import { cpuSince, cpuStart, openBenchDb } from './bench-db.ts';

const TOPICS = [
  '春季农业生产',
  '医疗保险',
  '义务教育招生',
  '就业创业补贴',
  '安全生产',
  '食品安全抽检',
  '防汛抗旱',
  '森林防火',
  '财政预算',
  '部门决算',
  '政府采购',
  '重点建设项目',
  '统计公报',
  '行政许可',
  '行政处罚',
  '收费目录',
  '公务员招录',
  '老旧小区改造',
  '最低生活保障',
  '征地补偿',
  '公共文化',
  '道路交通',
  '生态环境',
  '乡村振兴',
  '养老服务',
  '住房保障',
  '水利工程',
  '消防安全',
];
const KINDS = ['通知', '实施方案', '管理办法', '工作要点', '公告', '意见', '报告', '公示'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志红军';
const QUERIES = [
  '安全生产',
  '医疗保险 通知',
  '义务教育',
  '财政预算 报告',
  '王建国',
  '乡村振兴 实施方案',
  '征地补偿',
  '食品安全',
  '公示',
  '消防',
  '养老服务 意见',
  '防汛',
  '统计公报',
  '老旧小区',
  '最低生活保障 公示',
  '就业创业',
  '政府采购 公告',
  '生态环境',
  '水利工程 管理办法',
  '陈秀英',
];

const PHRASES = [
  '要坚持问题导向',
  '各乡镇人民政府要明确专人负责',
  '按照属地管理原则落实监管责任',
  '及时向社会公开办理结果',
  '加大财政资金投入力度',
  '建立健全长效工作机制',
  '开展专项督查检查',
  '严格执行有关法律法规',
  '做好信息报送和统计分析',
  '强化宣传引导和舆论监督',
  '切实保障人民群众合法权益',
  '确保各项任务按期完成',
];

/**
 * `--body-chars=3000`: bodies padded with paragraphs to this many characters (default: two short paragraphs),
 * for the cost of search when the items' tsvectors are as long as real ones.
 */
const BODY_CHARS = Number(arg('body-chars') ?? 0);

/** Items generated and written a batch at a time. */
const BATCH = 5000;

/** 2019-01-01 to 2025-12-31. */
const DAYS = 2557;

function arg(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

/** The generated items from `start` (up to BATCH of them) of a catalog of `n`, for one agency. */
function generator(agency: { id: number; creditCode: string | null }, n: number) {
  const rnd = prng(42);
  const pick = <T>(xs: readonly T[] | string) => xs[Math.floor(rnd() * xs.length)] as T;
  return (start: number): BulkItem[] => {
    const rows: BulkItem[] = [];
    for (let i = start; i < Math.min(n, start + BATCH); i++) {
      // Items arrive as they are published: 发布日期 rises with i over 2019–2025, as in a real catalog.
      const published = new Date(Date.UTC(2019, 0, 1 + Math.floor((i * DAYS) / n)));
      const year = published.getUTCFullYear();
      const topic = pick(TOPICS);
      const title = `关于${year}年${topic}${pick(KINDS)}`;
      const name = pick<string>(SURNAMES) + pick<string>(GIVEN) + (rnd() < 0.5 ? pick<string>(GIVEN) : '');
      let body = `<p>各有关单位：为做好${topic}和${pick(TOPICS)}工作，现将有关事项通知如下。</p><p>一、加强组织领导。二、落实工作责任。联系人：${name}。</p>`;
      // A real item's text runs to thousands of characters (its tsvector then lies out of line, in TOAST).
      for (let k = 1; body.length < BODY_CHARS; k++) {
        body += `<p>（${k}）${pick(TOPICS)}${pick(PHRASES)}，${pick(TOPICS)}${pick(PHRASES)}。</p>`;
      }
      const publishedOn = published.toISOString().slice(0, 10);
      rows.push({
        indexNo: formatIndexNo(agency.creditCode!, year, i + 1),
        agencyId: agency.id,
        title,
        docNo: null,
        writtenOn: publishedOn,
        publishedOn,
        category: pick(['20.1', '20.5', '20.7', '20.11', '20.13', '21.county.assistance']),
        body,
        state: 'published',
      });
    }
    return rows;
  };
}

async function benchAgency(db: Db) {
  const first17 = '11510000MB0000001';
  const [agency] = await db
    .insert(agencies)
    .values({
      name: '基准测试县人民政府',
      kind: 'government',
      creditCode: first17 + creditCodeCheckChar(first17),
      path: '/',
    })
    .returning();
  return agency;
}

/**
 * The same-run baseline: the same items as one item's save writes them (search text in this thread, a
 * multi-row INSERT of 1,000 through Drizzle), as the catalog was indexed before issue #18. Items a second.
 */
async function loadItemsOneByOne(db: Db, n: number): Promise<number> {
  const agency = await benchAgency(db);
  const batchOf = generator(agency, n);
  const t0 = performance.now();
  for (let start = 0; start < n; start += BATCH) {
    const rows = batchOf(start);
    for (let k = 0; k < rows.length; k += 1000) {
      await db
        .insert(catalogItems)
        .values(
          rows.slice(k, k + 1000).map((r) => ({ ...r, searchText: itemSearchText({ ...r, docNo: r.docNo ?? null }) })),
        );
    }
  }
  return n / ((performance.now() - t0) / 1000);
}

/**
 * Inserts `n` generated published items of one agency in bulk (src/catalog/bulk-index.ts: search texts in
 * worker threads, one INSERT … unnest per batch); returns the load time and the time spent waiting for the
 * search texts (segmentation not overlapped with writing).
 */
export async function loadItems(db: Db, n: number): Promise<{ loadS: number; tokenMs: number }> {
  const agency = await benchAgency(db);
  const pool = new SearchTextPool();
  const t0 = performance.now();
  let tokenMs = 0;
  const batchOf = generator(agency, n);
  try {
    // Two batches in flight: the next one is segmented in the workers while this one is written.
    const first = batchOf(0);
    let texts = pool.texts(first).then((t) => ({ rows: first, t }));
    for (let start = 0; start < n; start += BATCH) {
      const ts = performance.now();
      const { rows, t } = await texts;
      tokenMs += performance.now() - ts;
      const nextStart = start + BATCH;
      if (nextStart < n) {
        const nextRows = batchOf(nextStart);
        texts = pool.texts(nextRows).then((tt) => ({ rows: nextRows, t: tt }));
      }
      await insertItemsBulk(db, { texts: async () => t }, rows);
    }
  } finally {
    await pool.close();
  }
  const loadS = (performance.now() - t0) / 1000;
  await db.execute(sql`analyze catalog_items`);
  return { loadS, tokenMs };
}

/** Search latencies over the mixed queries (each 5 times), in ms, and the hits seen. */
export async function measureSearch(db: Db): Promise<{ times: number[]; hitsSeen: number; deep: number[] }> {
  const times: number[] = [];
  let hitsSeen = 0;
  for (let round = 0; round < 5; round++) {
    for (const [i, q] of QUERIES.entries()) {
      const t = performance.now();
      const r = await searchCatalog(db, { q, today: '2025-12-31', year: i % 4 === 0 ? 2024 : undefined, limit: 20 });
      times.push(performance.now() - t);
      hitsSeen += r.hits.length;
    }
  }
  // Page 11: past the ranked candidates, where the older matches come from the GIN index.
  const deep: number[] = [];
  for (const q of QUERIES) {
    const t = performance.now();
    await searchCatalog(db, { q, today: '2025-12-31', limit: 20, offset: 200 });
    deep.push(performance.now() - t);
  }
  return { times, hitsSeen, deep };
}

async function run(
  label: string,
  url: string | undefined,
  n: number,
  target: number,
  dataDir = 'memory://',
): Promise<void> {
  const baselineN = Math.min(n, 20_000);
  const before = await openBenchDb('gk_catalog_baseline', url);
  let baseline: number;
  try {
    baseline = await loadItemsOneByOne(before.db, baselineN);
  } finally {
    await before.close();
  }
  const { db, close } = await openBenchDb('gk_catalog_bench', url, dataDir);
  try {
    const loadBefore = loadavg()[0];
    const cpu = cpuStart(url !== undefined);
    const { loadS, tokenMs } = await loadItems(db, n);
    const cpuUsed = cpuSince(cpu);
    const loadAfter = loadavg()[0];
    const { times, hitsSeen, deep } = await measureSearch(db);
    console.log(
      `catalog ${label}: indexed ${n.toLocaleString('en')} items in ${loadS.toFixed(1)} s (${Math.round(n / loadS).toLocaleString('en')} items/s; ${cpuUsed}; load ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)} on 2 cores; waiting for segmentation ${(tokenMs / 1000).toFixed(1)} s; target ≥ 5,000 items/s on the server; baseline, one by one as before, ${Math.round(baseline).toLocaleString('en')} items/s over ${baselineN.toLocaleString('en')} in this run); search p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms over ${times.length} queries (${hitsSeen} hits; target p95 < ${target} ms); page 11 p50 ${pct(deep, 50).toFixed(1)} ms, max ${Math.max(...deep).toFixed(1)} ms; load ${loadavg()[0].toFixed(1)}`,
    );
  } finally {
    await close();
  }
}

/** `pgliteDir`: keep the PGlite database in a directory (to inspect plans afterwards). */
export default async function benchCatalog(
  opts: { pg?: string; n?: number; pgliteDir?: string; only?: 'pglite' | 'postgres' } = {},
): Promise<void> {
  const n = opts.n ?? (arg('n') ? Number(arg('n')) : undefined);
  const only = opts.only ?? arg('only');
  if (only !== 'postgres') await run('PGlite', undefined, n ?? 100_000, 200, opts.pgliteDir);
  if (only === 'pglite') return;
  const server = opts.pg ?? arg('pg') ?? config.databaseUrl;
  if (server) await run('PostgreSQL', server, n ?? 1_000_000, 50);
  else console.log('catalog PostgreSQL: skipped (configure DATABASE_URL or pass --pg=postgres://…)');
}
