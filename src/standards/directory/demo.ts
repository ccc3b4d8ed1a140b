/**
 * The demo county's 标准目录: the seed templates, adopted by a few units from 1 January of this year
 * (重大建设项目 by the county government, 义务教育 by the 教育体育局, 社会救助 by the 民政局 and a town, 财政预决算
 * by the 财政局, 生态环境 by the 生态环境局); some of their published catalog items of this year tagged with the
 * matching 事项 (or, where none is in the item's column, a notice of the item's own information, one in four
 * published late), and one due item missing: a 临时救助 notice of the 民政局 formed two months ago and still a
 * draft. The 生态环境状况公报 is tagged with nothing, so after 6月5日 it is missing too. Written in bulk, one
 * audit event.
 */
import { and, asc, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import { loadCalendar } from '../../calendar-store/index.ts';
import { formatIndexNo, reserveIndexNos } from '../../catalog/index-number.ts';
import { itemSearchText } from '../../catalog/item-fields.ts';
import { PROACTIVE_PERIOD_WORKING_DAYS } from '../../catalog/timeliness.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { agencies } from '../../db/schema/agencies.ts';
import { catalogItems } from '../../db/schema/catalog.ts';
import { agencyStandardItems, standardDirectoryItems } from '../../db/schema/standards.ts';
import type { WorkingCalendar } from '../../law/calendar.ts';
import { addDays } from '../../law/dates.ts';
import { seedStandardTemplates } from './seed.ts';

/** Which demo unit adopts which areas. */
const PLAN: Record<string, string[]> = {
  示范县人民政府: ['major_projects'],
  示范县教育体育局: ['compulsory_education'],
  示范县民政局: ['social_assistance'],
  示范县财政局: ['fiscal'],
  示范县生态环境局: ['environment'],
};

/** Tagged catalog items per adopted item, at most. */
const TAGS_PER_ITEM = 2;

export async function seedDemoStandardDirectory(db: Db, opts: { today: string; at: Date }) {
  const year = Number(opts.today.slice(0, 4));
  const adoptedOn = `${year}-01-01`;
  return db.transaction(async (tx) => {
    await seedStandardTemplates(tx, opts.at);
    const templates = await tx.select().from(standardDirectoryItems).orderBy(asc(standardDirectoryItems.seq));
    const units = await tx
      .select()
      .from(agencies)
      .where(inArray(agencies.name, Object.keys(PLAN)));
    // A town adopts the 社会救助 items made for both levels.
    const [town] = await tx.select().from(agencies).where(eq(agencies.kind, 'town')).orderBy(agencies.path).limit(1);
    const plan: [(typeof units)[number], string[]][] = units.map((u) => [u, PLAN[u.name]]);
    if (town) plan.push([town, ['social_assistance']]);
    let adopted = 0;
    let tagged = 0;
    let missingDraft: number | null = null;
    let written = 0;
    let calendar: WorkingCalendar | null = null;
    try {
      calendar = await loadCalendar(tx);
    } catch {
      calendar = null;
    }
    for (const [unit, areas] of plan) {
      const rows = templates
        .filter((t) => areas.includes(t.area) && (unit.kind !== 'town' || t.levels.includes('town')))
        .map(({ id, key: _k, seq: _s, source: _src, updatedAt: _u, updatedBy: _b, ...fields }) => ({
          ...fields,
          templateId: id,
          agencyId: unit.id,
          adoptedOn,
          updatedAt: opts.at,
        }));
      if (rows.length === 0) continue;
      const items = await tx.insert(agencyStandardItems).values(rows).onConflictDoNothing().returning();
      adopted += items.length;
      for (const item of items) {
        if (!item.category || /^每年/.test(item.timeLimit)) continue;
        const candidates = await tx
          .select({ id: catalogItems.id })
          .from(catalogItems)
          .where(
            and(
              eq(catalogItems.agencyId, unit.id),
              eq(catalogItems.category, item.category),
              eq(catalogItems.state, 'published'),
              isNull(catalogItems.standardItemId),
              gte(catalogItems.writtenOn, adoptedOn),
              lte(catalogItems.publishedOn, opts.today),
            ),
          )
          .orderBy(asc(catalogItems.publishedOn), asc(catalogItems.id))
          .limit(TAGS_PER_ITEM);
        if (candidates.length) {
          await tx
            .update(catalogItems)
            .set({ standardItemId: item.id })
            .where(
              inArray(
                catalogItems.id,
                candidates.map((c) => c.id),
              ),
            );
          tagged += candidates.length;
        } else {
          // Nothing of that column this year: the unit published the item's own information, mostly on time.
          const n = written++;
          const formed = addDays(adoptedOn, 20 + ((n * 37) % 200));
          const publishedOn = addDays(formed, n % 4 === 3 ? 45 : 5 + (n % 10));
          if (publishedOn > opts.today) continue;
          const { creditCode, first } = await reserveIndexNos(tx, unit.id, year, 1);
          const title = `${unit.name}关于公开${year}年${item.level2}信息的公告`;
          const body = `<p>根据基层政务公开标准目录，现将${item.level2}有关信息公开如下。</p>`;
          const due = calendar ? safeDueOn(calendar, formed) : null;
          await tx.insert(catalogItems).values({
            indexNo: formatIndexNo(creditCode, year, first),
            agencyId: unit.id,
            title,
            writtenOn: formed,
            publishedOn,
            genre: '公告',
            category: item.category,
            body,
            state: 'published',
            reviewStep: 3,
            reviewChain: ['初审', '审核', '审发'],
            publishDueOn: due,
            publishedLate: due ? (publishedOn > due ? 1 : 0) : null,
            standardItemId: item.id,
            searchText: itemSearchText({ title, docNo: null, body }),
            createdAt: opts.at,
            updatedAt: opts.at,
          });
          tagged++;
        }
      }
      // The one due item missing: formed two months ago (this year), never published.
      const temporary = items.find((i) => i.level1 === '临时救助');
      if (unit.name === '示范县民政局' && temporary) {
        const formed = addDays(opts.today, -60) < adoptedOn ? adoptedOn : addDays(opts.today, -60);
        const { creditCode, first } = await reserveIndexNos(tx, unit.id, year, 1);
        const title = `${unit.name}关于调整${year}年临时救助标准的通知`;
        const body = '<p>各乡镇人民政府：根据上级有关规定，现调整本县临时救助标准。</p>';
        const [draft] = await tx
          .insert(catalogItems)
          .values({
            indexNo: formatIndexNo(creditCode, year, first),
            agencyId: unit.id,
            title,
            writtenOn: formed,
            category: '21.county.assistance',
            body,
            state: 'draft',
            standardItemId: temporary.id,
            searchText: itemSearchText({ title, docNo: null, body }),
            createdAt: opts.at,
            updatedAt: opts.at,
          })
          .returning({ id: catalogItems.id });
        missingDraft = draft.id;
      }
    }
    await recordAudit(tx, {
      at: opts.at,
      actorId: null,
      action: 'demo.standard_directory',
      entityType: 'system',
      data: { adopted, tagged, missingDraft },
    });
    return { adopted, tagged, missingDraft };
  });
}

/** 第二十六条's last day, or null for a year the calendar does not hold. */
function safeDueOn(calendar: WorkingCalendar, formedOn: string): string | null {
  try {
    return calendar.addWorkingDays(formedOn, PROACTIVE_PERIOD_WORKING_DAYS).date;
  } catch {
    return null;
  }
}
