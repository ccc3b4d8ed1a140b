/**
 * Demo catalog for the demo county: deterministic (same seed, same data). Per agency and year a dozen or so
 * published items across the directory — 行政规范性文件 (some repealed in a later year, some 修订), 政策解读
 * linked to their policies (most published the same day, some days later: flagged), other information on
 * every channel — and monthly figures for section 二. Written in bulk (one audit event for the seeding).
 */
import { inArray } from 'drizzle-orm';
import { loadCalendar } from '../calendar-store/index.ts';
import { recordAudit } from '../db/audit.ts';
import type { Db } from '../db/client.ts';
import { agencies } from '../db/schema/agencies.ts';
import { catalogItems, catalogMonthlyFigures } from '../db/schema/catalog.ts';
import type { WorkingCalendar } from '../law/calendar.ts';
import { addDays } from '../law/dates.ts';
import { prng } from '../report/sample.ts';
import { formatIndexNo, reserveIndexNos } from './index-number.ts';
import { itemSearchText } from './item-fields.ts';
import { proactiveTimeliness } from './timeliness.ts';
import { THEMES } from './vocabulary.ts';

const TOPICS = [
  ['春季农业生产', '20.11'],
  ['城乡居民医疗保险', '20.11'],
  ['义务教育招生', '20.11'],
  ['就业创业补贴', '20.11'],
  ['安全生产大检查', '20.13'],
  ['食品安全抽检', '20.13'],
  ['防汛抗旱应急预案', '20.12'],
  ['森林防火', '20.12'],
  ['财政预算执行情况', '20.7'],
  ['部门决算', '20.7'],
  ['政府集中采购目录', '20.9'],
  ['重点建设项目', '20.10'],
  ['国民经济和社会发展统计公报', '20.4'],
  ['行政许可事项清单', '20.5'],
  ['行政处罚裁量基准', '20.6'],
  ['行政事业性收费目录清单', '20.8'],
  ['公务员招录', '20.14'],
  ['机构职能', '20.2'],
  ['“十四五”规划实施', '20.3'],
  ['老旧小区改造', '21.county.municipal'],
  ['城乡低保标准', '21.county.assistance'],
  ['征地补偿安置', '21.county.land'],
  ['公共文化服务', '21.county.public_services'],
  ['道路交通安全', '21.county.public_order'],
] as const;
const TOWN_TOPICS = [
  ['农村土地承包经营权流转', '21.town.land_contract'],
  ['宅基地审批', '21.town.homestead'],
  ['一事一议筹资筹劳', '21.town.funding'],
  ['临时救助', '21.town.assistance'],
  ['高标准农田建设', '20.11'],
  ['人居环境整治', '20.13'],
] as const;
const KINDS = ['通知', '实施方案', '管理办法', '工作方案', '公告', '意见'] as const;
const CHANNEL_SETS = [
  ['website'],
  ['website', 'wechat'],
  ['website', 'weibo', 'wechat'],
  ['website', 'gazette'],
  ['website', 'other'],
  ['wechat'],
];

export interface DemoCatalogOptions {
  agencyIds: number[];
  years: number[];
  seed?: number;
  /** Items per agency and year (on average; default 12). */
  perAgencyYear?: number;
  /** Nothing is dated after this day (pass clock.today(); default the last year's 12-31). */
  today?: string;
}

type Row = typeof catalogItems.$inferInsert;

export async function seedDemoCatalog(db: Db, opts: DemoCatalogOptions) {
  const rnd = prng(opts.seed ?? 20_260_101);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const per = opts.perAgencyYear ?? 12;
  const years = [...opts.years].sort((a, b) => a - b);
  let calendar: WorkingCalendar | null = null;
  try {
    calendar = await loadCalendar(db);
  } catch {
    calendar = null;
  }
  const rows = await db.select().from(agencies).where(inArray(agencies.id, opts.agencyIds));
  const list = opts.agencyIds.map((id) => rows.find((a) => a.id === id)!).filter(Boolean);
  const endOfYears = `${years[years.length - 1]}-12-31`;
  const lastDay = opts.today && opts.today < endOfYears ? opts.today : endOfYears;
  const stats = { items: 0, normative: 0, repealed: 0, interpretations: 0, lateInterpretations: 0, figures: 0 };

  return db.transaction(async (tx) => {
    for (const agency of list) {
      const topics = agency.kind === 'town' ? [...TOPICS.slice(0, 8), ...TOWN_TOPICS] : TOPICS;
      const issuer = agency.name.replace(/人民政府$/, '政府').replace(/^县/, '县');
      for (const year of years) {
        const count = Math.max(3, Math.round(per * (0.6 + rnd() * 0.8)));
        const plan: { normative: boolean; interpret: boolean }[] = Array.from({ length: count }, () => ({
          normative: agency.kind !== 'office' && rnd() < 0.12,
          interpret: rnd() < 0.5,
        }));
        const total = plan.length + plan.filter((p) => p.normative && p.interpret).length;
        const { creditCode, first } = await reserveIndexNos(tx, agency.id, year, total);
        let seq = first;
        let docSeq = 1;
        const items: Row[] = [];
        const interpretations: { policy: number; row: Row }[] = [];
        for (const p of plan) {
          const [topic, category] = pick(topics);
          const kind = p.normative ? pick(['管理办法', '实施细则', '暂行规定'] as const) : pick(KINDS);
          const month = 1 + Math.floor(rnd() * 12);
          const day = 1 + Math.floor(rnd() * 28);
          const writtenOn = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const publishedOn = addDays(writtenOn, 1 + Math.floor(rnd() * (rnd() < 0.1 ? 45 : 18)));
          const title = `${agency.name}关于${p.normative ? '印发' : ''}${year}年${topic}${kind}${p.normative ? '的通知' : ''}`;
          const docNo = p.normative || rnd() < 0.5 ? `${issuer.slice(0, 4)}发〔${year}〕${docSeq++}号` : null;
          let validity: string | null = null;
          let repealedOn: string | null = null;
          let amendedOn: string | null = null;
          if (p.normative) {
            validity = 'valid';
            stats.normative++;
            const fate = rnd();
            if (fate < 0.25) {
              const on = addDays(writtenOn, 120 + Math.floor(rnd() * 600));
              if (on <= lastDay) {
                validity = 'repealed';
                repealedOn = on;
                stats.repealed++;
              }
            } else if (fate < 0.35) {
              const on = addDays(writtenOn, 90 + Math.floor(rnd() * 300));
              if (on <= lastDay) {
                validity = 'amended';
                amendedOn = on;
              }
            }
          }
          const body = `<p>各有关单位：</p><p>为做好${year}年${topic}工作，根据有关法律法规和上级部署，现就有关事项${
            p.normative ? '制定本办法，自印发之日起施行' : '通知如下'
          }。</p><p>一、提高认识，加强领导。二、明确任务，压实责任。三、强化督查，确保实效。</p><p>联系人：${agency.name}办公室。</p>`;
          const t = calendar ? safeTimeliness(calendar, writtenOn, publishedOn) : null;
          const row: Row = {
            indexNo: formatIndexNo(creditCode, year, seq++),
            agencyId: agency.id,
            title,
            docNo,
            writtenOn,
            publishedOn,
            theme: pick(THEMES),
            genre: p.normative ? '办法' : kind.slice(-2),
            docType: p.normative ? 'normative' : 'other',
            category: p.normative ? '20.1' : category,
            disclosure: 'active',
            body,
            validity,
            effectiveOn: p.normative ? writtenOn : null,
            amendedOn,
            repealedOn,
            channels: pick(CHANNEL_SETS),
            state: 'published',
            reviewStep: 3,
            reviewChain: ['初审', '审核', '审发'],
            publishDueOn: t?.dueOn ?? null,
            publishedLate: t ? (t.late ? 1 : 0) : null,
            searchText: itemSearchText({ title, docNo, body }),
          };
          // Published after the demo's today: not (yet) in the catalog. Skipped after its draws, so the
          // items that follow are the same whatever the day.
          const lag = p.normative && p.interpret ? (rnd() < 0.8 ? 0 : 1 + Math.floor(rnd() * 6)) : 0;
          if (publishedOn > lastDay) continue;
          items.push(row);
          if (p.normative && p.interpret) {
            const iTitle = `《${title.replace(/^.*关于印发/, '').replace(/的通知$/, '')}》政策解读`;
            const iBody = `<p>一、起草背景。二、主要内容：围绕${topic}，明确了目标任务和保障措施。三、解读机关：${agency.name}。</p>`;
            if (addDays(publishedOn, lag) > lastDay) continue;
            interpretations.push({
              policy: items.length - 1,
              row: {
                ...row,
                indexNo: formatIndexNo(creditCode, year, seq++),
                title: iTitle,
                docNo: null,
                publishedOn: addDays(publishedOn, lag),
                docType: 'interpretation',
                genre: '解读',
                category: '20.1',
                body: iBody,
                validity: null,
                effectiveOn: null,
                amendedOn: null,
                repealedOn: null,
                publishDueOn: null,
                publishedLate: null,
                searchText: itemSearchText({ title: iTitle, docNo: null, body: iBody }),
              },
            });
            if (lag > 0) stats.lateInterpretations++;
          }
        }
        if (items.length === 0) continue;
        const inserted = await tx.insert(catalogItems).values(items).returning({ id: catalogItems.id });
        if (interpretations.length) {
          await tx
            .insert(catalogItems)
            .values(interpretations.map((i) => ({ ...i.row, interpretsId: inserted[i.policy].id })));
        }
        stats.items += items.length + interpretations.length;
        stats.interpretations += interpretations.length;

        const figures: (typeof catalogMonthlyFigures.$inferInsert)[] = [];
        const scale = agency.kind === 'government' ? 3 : agency.kind === 'office' ? 0 : 1;
        if (scale > 0) {
          // The number of 事项 an agency handles is its own, year after year (new2019 上一年项目数量, 本年增/减).
          const own = prng((opts.seed ?? 0) + agency.id * 7919);
          const base = { licensing: 10 + Math.floor(own() * 30), penalty: 5 + Math.floor(own() * 20) };
          for (let month = 1; month <= 12; month++) {
            if (`${year}-${String(month).padStart(2, '0')}-01` > lastDay) break;
            const f = (key: string, value: number) =>
              figures.push({
                agencyId: agency.id,
                year,
                month,
                key,
                value,
                updatedAt: new Date(`${year}-${String(month).padStart(2, '0')}-28T08:00:00Z`),
              });
            f('licensing.decisions', Math.floor(rnd() * 40 * scale));
            f('penalty.decisions', Math.floor(rnd() * 12 * scale));
            f('coercion.decisions', Math.floor(rnd() * 3 * scale));
            f('fees.amount', Math.round(rnd() * 5 * scale * 100) / 100);
            f('licensing.items', base.licensing + Math.floor((year - years[0]) * 2 + month / 6));
            f('penalty.items', base.penalty + (year - years[0]));
          }
          if (figures.length) await tx.insert(catalogMonthlyFigures).values(figures).onConflictDoNothing();
          stats.figures += figures.length;
        }
      }
    }
    await recordAudit(tx, {
      at: new Date(),
      actorId: null,
      action: 'catalog.demo_seeded',
      entityType: 'catalog',
      data: { ...stats, years, agencies: list.length },
    });
    return stats;
  });
}

function safeTimeliness(calendar: WorkingCalendar, writtenOn: string, publishedOn: string) {
  try {
    return proactiveTimeliness(calendar, writtenOn, publishedOn);
  } catch {
    return null;
  }
}
