/**
 * Whom a letter's relief clause names (《条例》第五十一条: 申请行政复议 / 提起行政诉讼). 《行政复议法》(2023年修订) 第二十四条
 * 第一款: 县级以上地方各级人民政府 hears appeals against its own departments (第一项) and the government one level
 * below (第二项). So a department, a town or an office answers with the nearest government above it; a
 * government with the government above it when the tree holds one, else 上一级人民政府. Vertical bodies (海关,
 * 金融, 税务…, 第二十七条) are not told apart: REVIEW_BODY_UNKNOWN is used only where the tree is silent.
 *
 * The court (courtOf): 《行政诉讼法》第十八条 sends a case to the court where the agency is, 第十五条第一项 a case
 * against a 县级以上地方人民政府 to the 中级人民法院, and many provinces concentrate jurisdiction (集中管辖) in a
 * court of another county, so the tree cannot derive it. An agency names its own (agencies.court_name, set by
 * a 系统管理员); a department, town or 内设机构 that names none takes the nearest ancestor's (a county naming the
 * court for its departments); a government never inherits (its case goes to a higher court). Else COURT_DEFAULT.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { agencies } from '../../db/schema/agencies.ts';

export const REVIEW_BODY_UNKNOWN = '上一级人民政府';
/** 《行政诉讼法》第十四条、第十五条 decide the court by the defendant and the place; the tree does not hold it. */
export const COURT_DEFAULT = '有管辖权的人民法院';

/** The court named in an agency's relief clause (see above). */
export async function courtOf(db: Executor, agencyId: number): Promise<string> {
  const [agency] = await db.select().from(agencies).where(eq(agencies.id, agencyId));
  if (!agency) return COURT_DEFAULT;
  if (agency.courtName) return agency.courtName;
  if (agency.kind === 'government') return COURT_DEFAULT;
  const ancestorIds = agency.path
    .split('/')
    .filter(Boolean)
    .map(Number)
    .filter((id) => id !== agency.id);
  if (!ancestorIds.length) return COURT_DEFAULT;
  const above = await db.select().from(agencies).where(inArray(agencies.id, ancestorIds));
  const named = above.filter((a) => a.courtName).sort((a, b) => b.path.length - a.path.length)[0];
  return named?.courtName ?? COURT_DEFAULT;
}

export async function reviewBodyOf(db: Executor, agencyId: number): Promise<string> {
  const [agency] = await db.select().from(agencies).where(eq(agencies.id, agencyId));
  if (!agency) return REVIEW_BODY_UNKNOWN;
  const ancestorIds = agency.path
    .split('/')
    .filter(Boolean)
    .map(Number)
    .filter((id) => id !== agency.id);
  if (!ancestorIds.length) return REVIEW_BODY_UNKNOWN;
  const above = await db.select().from(agencies).where(inArray(agencies.id, ancestorIds));
  // Nearest first: the longest path.
  const government = above.filter((a) => a.kind === 'government').sort((a, b) => b.path.length - a.path.length)[0];
  return government?.name ?? REVIEW_BODY_UNKNOWN;
}
