/**
 * The form of entered figures read into values (pure): counts as whole numbers ≥ 0, 平均办理时间 with up to two
 * decimals, 是/否, text up to 200 characters; each field's error in Chinese beside the field, the typed text
 * kept by the caller so nothing is lost.
 */
import { ENTERED_ROWS } from './layout.ts';
import type { EnteredFigure } from './model.ts';

export interface ParsedEntered {
  figures: Record<string, EnteredFigure>;
  errors: Record<string, string>;
}

export const MAX_TEXT = 200;

/** `raw[key]` the value typed, `sources[key]` its 数据来源; a key absent from `raw` is left out. */
export function parseEntered(raw: Record<string, string>, sources: Record<string, string>): ParsedEntered {
  const figures: Record<string, EnteredFigure> = {};
  const errors: Record<string, string> = {};
  for (const row of ENTERED_ROWS) {
    if (!(row.key in raw)) continue;
    const text = (raw[row.key] ?? '').trim();
    const source = (sources[row.key] ?? '').trim() || row.defaultSource || '本单位填报';
    if (source.length > MAX_TEXT) {
      errors[row.key] = `数据来源不能超过${MAX_TEXT}字`;
      continue;
    }
    if (text === '') {
      figures[row.key] = { value: null, source };
      continue;
    }
    if (row.kind === 'number') {
      const normal = text
        .replace(/[,，\s]/g, '')
        .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
      const ok = row.decimal ? /^\d{1,9}(\.\d{1,2})?$/.test(normal) : /^\d{1,12}$/.test(normal);
      if (!ok) {
        errors[row.key] = row.decimal ? `${row.label}应为不小于0的数，最多两位小数` : `${row.label}应为不小于0的整数`;
        continue;
      }
      figures[row.key] = { value: Number(normal), source };
    } else if (row.kind === 'yesno') {
      if (text !== '是' && text !== '否') {
        errors[row.key] = `${row.label}请选择“是”或“否”`;
        continue;
      }
      figures[row.key] = { value: text === '是', source };
    } else {
      if (text.length > MAX_TEXT) {
        errors[row.key] = `${row.label}不能超过${MAX_TEXT}字`;
        continue;
      }
      figures[row.key] = { value: text, source };
    }
  }
  return { figures, errors };
}
