/**
 * Reading a report from JSON: the object that extraction prints (`format`, `year`, `issuer`, `values`, and
 * `hasTable` or `has_table`; `provenance` and `narrative` are kept when well-formed; other top-level fields
 * are ignored). Keys and value types are validated against the template named by `format`; bad input raises
 * a ReportInputError whose one-line message names the place (`values["apply.recieved.total"]: …`).
 */
import { z } from 'zod';
import { type CellValue, type Report, TEMPLATE_IDS, type TemplateId } from './model.ts';
import { SIGN_CHECKED_KEYS } from './rules/definitions.ts';
import { hasKey, keyInfo } from './templates/index.ts';

export class ReportInputError extends Error {
  constructor(
    /** Where: the source name and the JSON path (`r.json values["apply.x"]`). */
    readonly place: string,
    /** What is wrong, in Chinese. */
    readonly reason: string,
  ) {
    super(place ? `${place}: ${reason}` : reason);
    this.name = 'ReportInputError';
  }
}

const cell = z.union([z.number().finite(), z.string(), z.null()]);

const envelope = z.object({
  format: z.enum(TEMPLATE_IDS as [TemplateId, ...TemplateId[]]),
  year: z.number().int().min(2000).max(2100),
  issuer: z.string().nullable().optional(),
  hasTable: z.boolean().optional(),
  has_table: z.boolean().optional(),
  values: z.record(z.string(), cell),
});

const provenanceSchema = z.record(z.string(), z.object({ line: z.number().int(), text: z.string() }));
const narrativeSchema = z.object({
  overview: z.string().optional(),
  problems: z.string().optional(),
  other: z.string().optional(),
});

function placeOf(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `["${String(p)}"]`)).join('');
}

function reasonOf(issue: z.core.$ZodIssue, data: Record<string, unknown>): string {
  const [top] = issue.path;
  if (issue.path.length === 1 && data[String(top)] === undefined) return '缺少此项';
  switch (top) {
    case 'format':
      return `应为 ${TEMPLATE_IDS.join(' / ')} 之一`;
    case 'year':
      return '应为报告年度（2000—2100 之间的整数）';
    case 'issuer':
      return '应为文字（发布机构）';
    case 'hasTable':
    case 'has_table':
      return '应为 true 或 false';
    case 'values':
      return issue.path.length > 1 ? '值应为数字、文字或 null（空白）' : '应为一个对象（键 → 值）';
    default:
      return issue.message;
  }
}

/** Validates an already-parsed object as a report. */
export function toReport(data: unknown, source = ''): Report {
  const at = (place: string) => (source ? `${source} ${place}` : place);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ReportInputError(source, '应为一个 JSON 对象（含 format、year、values）');
  }
  const parsed = envelope.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ReportInputError(at(placeOf(issue.path) || '(顶层)'), reasonOf(issue, data as Record<string, unknown>));
  }
  const { format, year, issuer, values } = parsed.data;
  for (const [key, value] of Object.entries(values)) {
    const info = keyInfo(format, key);
    if (!info || !hasKey(format, key)) throw new ReportInputError(at(`values["${key}"]`), `${format} 模板没有这个键`);
    if (typeof value !== 'number' || info.kind !== 'count') continue;
    if (!Number.isInteger(value)) throw new ReportInputError(at(`values["${key}"]`), `件数应为整数（${value}）`);
    if (value < 0 && !SIGN_CHECKED_KEYS.has(key)) {
      throw new ReportInputError(at(`values["${key}"]`), `件数不应为负数（${value}）`);
    }
  }
  const raw = data as Record<string, unknown>;
  const provenance = provenanceSchema.safeParse(raw.provenance);
  const narrative = narrativeSchema.safeParse(raw.narrative);
  return {
    format,
    year,
    issuer: issuer ?? '',
    hasTable: parsed.data.hasTable ?? parsed.data.has_table ?? true,
    values: values as Record<string, CellValue>,
    ...(provenance.success ? { provenance: provenance.data } : {}),
    ...(narrative.success && raw.narrative !== undefined ? { narrative: narrative.data } : {}),
  };
}

/** Parses JSON text as a report. */
export function parseReportJson(text: string, source = ''): Report {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ReportInputError(source, `不是有效的 JSON（${detail}）`);
  }
  return toReport(data, source);
}
