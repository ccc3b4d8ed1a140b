/**
 * Saves the figures a 网站主办单位 enters for its 政府网站工作年度报表 (what the platform does not hold), each
 * with its source system. The form carries the version it was shown (0: nothing saved yet); a save against a
 * report changed since, or a locked one, is refused. Invalid fields are refused together, each with its
 * message (AppError details.fields), and nothing is written.
 */
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../db/audit.ts';
import type { Db } from '../../../db/client.ts';
import { type StoredFigure, websiteReports } from '../../../db/schema/website-report.ts';
import { AppError } from '../../../errors.ts';
import { parseEntered } from '../parse-entered.ts';
import { getWebsiteReportRow } from '../store.ts';

export interface SaveWebsiteFiguresInput {
  actorId: number;
  agencyId: number;
  year: number;
  /** The version the form was shown (0 when no report was saved yet). */
  version: number;
  /** Values typed, by key; keys absent are left as they were. */
  values: Record<string, string>;
  /** 数据来源 by key. */
  sources: Record<string, string>;
}

export async function saveWebsiteFigures(deps: { db: Db; now: Date }, input: SaveWebsiteFiguresInput) {
  const { figures, errors } = parseEntered(input.values, input.sources);
  if (Object.keys(errors).length > 0)
    throw new AppError('bad_input', '填报的数据有误，请按提示修改', { fields: errors });
  return deps.db.transaction(async (tx) => {
    const row = await getWebsiteReportRow(tx, input.agencyId, input.year, true);
    const current = row?.version ?? 0;
    if (current !== input.version)
      throw new AppError('conflict', '报表已被他人修改，请刷新后再改；您填写的内容仍在表单中', {
        version: current,
        fields: { version: '报表已被他人修改' },
      });
    if (row?.status === 'locked') throw new AppError('invalid_state', '报表已锁定，解锁后才能修改');
    const at = deps.now.toISOString();
    const entered: Record<string, StoredFigure> = { ...(row?.entered ?? {}) };
    const changed: string[] = [];
    for (const [key, f] of Object.entries(figures)) {
      const before = entered[key];
      if (before && before.value === f.value && before.source === f.source) continue;
      if (!before && f.value === null) continue;
      entered[key] = { value: f.value, source: f.source, by: input.actorId, at };
      changed.push(key);
    }
    let saved: typeof websiteReports.$inferSelect;
    if (row) {
      [saved] = await tx
        .update(websiteReports)
        .set({ entered, version: current + 1, updatedAt: deps.now, updatedBy: input.actorId })
        .where(eq(websiteReports.id, row.id))
        .returning();
    } else {
      [saved] = await tx
        .insert(websiteReports)
        .values({
          agencyId: input.agencyId,
          year: input.year,
          entered,
          version: 1,
          updatedAt: deps.now,
          updatedBy: input.actorId,
        })
        .returning();
    }
    await recordAudit(tx, {
      at: deps.now,
      actorId: input.actorId,
      action: 'website_report.figures_saved',
      entityType: 'website_report',
      entityId: saved.id,
      agencyId: input.agencyId,
      data: { year: input.year, changed, version: saved.version },
    });
    return saved;
  });
}
