/**
 * The templates, and what every path asks of them: the template of a year, its keys, what a key means.
 */
import type { TemplateId } from '../model.ts';
import type { KeyInfo, TemplateDef } from '../template.ts';
import { REVIEW_GROUPS } from './new-sections.ts';
import { new2019 } from './new2019.ts';
import { new2021 } from './new2021.ts';
import { old2008 } from './old2008.ts';

export {
  APPLICANT_COLUMN_KEYS,
  APPLY_COLUMNS,
  APPLY_OTHER_SUB_ROW_KEYS,
  APPLY_RESULT_ROW_KEYS,
  APPLY_ROW_KEYS,
  applyKey,
  REVIEW_GROUPS,
  REVIEW_LITIGATION_KEYS,
  REVIEW_OUTCOME_KEYS,
  SECTION_FOUR_KEYS,
} from './new-sections.ts';

export const TEMPLATES: Record<TemplateId, TemplateDef> = { old2008, new2019, new2021 };

export function getTemplate(id: TemplateId): TemplateDef {
  const template = TEMPLATES[id];
  if (!template) throw new Error(`未知的报告模板：${id}`);
  return template;
}

/** The template a report for `year` normally follows: ≤2018 old2008, 2019–2020 new2019, from 2021 new2021. */
export function templateForYear(year: number): TemplateId {
  if (year <= 2018) return 'old2008';
  if (year <= 2020) return 'new2019';
  return 'new2021';
}

const keyIndex = new Map<TemplateId, Map<string, KeyInfo>>();

function buildIndex(template: TemplateDef): Map<string, KeyInfo> {
  const index = new Map<string, KeyInfo>();
  for (const table of template.tables) {
    if (table.kind === 'list') {
      // A label printed twice in the table (被依法纠错数 under 复议 and 诉讼) is named with its parent row.
      const seen = new Map<string, number>();
      for (const row of table.rows) seen.set(row.label, (seen.get(row.label) ?? 0) + 1);
      const parents: string[] = [];
      for (const row of table.rows) {
        parents[row.level] = row.name ?? row.label;
        if (!row.key) continue;
        const parent = row.level > 0 ? parents[row.level - 1] : undefined;
        const name = row.name ?? ((seen.get(row.label) ?? 0) > 1 && parent ? `${parent}：${row.label}` : row.label);
        index.set(row.key, {
          key: row.key,
          table: table.id,
          label: name,
          unit: row.unit,
          kind: row.kind ?? 'count',
          optional: Boolean(row.optional),
        });
      }
    } else if (table.kind === 'matrix') {
      for (const row of table.rows) {
        if (!row.key) continue;
        for (const column of table.columns ?? []) {
          const key = `${row.key}.${column.key}`;
          index.set(key, {
            key,
            table: table.id,
            label: `${row.name ?? row.label}（${column.label}）`,
            unit: column.unit ?? row.unit,
            kind: column.kind ?? row.kind ?? 'count',
            optional: Boolean(row.optional),
          });
        }
      }
    } else {
      for (const column of table.columns ?? []) {
        const group = REVIEW_GROUPS.find((g) => column.key.startsWith(`${g.prefix}.`))?.label ?? '';
        index.set(column.key, {
          key: column.key,
          table: table.id,
          label: `${group}${column.label}`,
          unit: column.unit ?? '件',
          kind: column.kind ?? 'count',
          optional: false,
        });
      }
    }
  }
  return index;
}

function indexOf(id: TemplateId): Map<string, KeyInfo> {
  let index = keyIndex.get(id);
  if (!index) {
    index = buildIndex(getTemplate(id));
    keyIndex.set(id, index);
  }
  return index;
}

/** Every canonical key of a template, in the order of the printed tables. */
export function keysOf(id: TemplateId): string[] {
  return [...indexOf(id).keys()];
}

export function keyInfo(id: TemplateId, key: string): KeyInfo | undefined {
  return indexOf(id).get(key);
}

export function hasKey(id: TemplateId, key: string): boolean {
  return indexOf(id).has(key);
}
