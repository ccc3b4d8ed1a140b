/**
 * Reading a report from JSON: the object that extraction prints (`format`, `year`, `issuer`, `values`, and
 * `hasTable` or `has_table`; other top-level fields are ignored). Keys are validated against the template
 * named by `format`; a bad input raises a ReportInputError whose one-line message names the place.
 */
import { z } from 'zod';
import { type Report, TEMPLATE_IDS, type TemplateId } from './model.ts';
import { hasKey, keyInfo } from './templates/index.ts';

export class ReportInputError extends Error {
  constructor(
    readonly place: string,
    message: string,
  ) {
    super(place ? `${place}: ${message}` : message);
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
  narrative: z
    .object({ overview: z.string().optional(), problems: z.string().optional(), other: z.string().optional() })
    .optional(),
});

function placeOf(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `["${String(p)}"]`)).join('');
}

/** Validates an already-parsed object as a report. */
export function toReport(data: unknown, source = ''): Report {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ReportInputError(source, '应为一个 JSON 对象（含 format、year、values）');
  }
  const parsed = envelope.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const place = placeOf(issue.path);
    const what =
      issue.path[0] === 'values'
        ? '值应为数字、文字或 null'
        : issue.path[0] === 'format'
          ? `应为 ${TEMPLATE_IDS.join(' / ')} 之一`
          : issue.message;
    throw new ReportInputError(`${source ? `${source} ` : ''}${place || '(顶层)'}`, what);
  }
  const { format, year, issuer, values, narrative } = parsed.data;
  for (const [key, value] of Object.entries(values)) {
    if (!hasKey(format, key)) {
      throw new ReportInputError(`${source ? `${source} ` : ''}values["${key}"]`, `${format} 模板没有这个键`);
    }
    if (typeof value === 'number' && keyInfo(format, key)?.kind === 'count' && !Number.isInteger(value)) {
      throw new ReportInputError(`${source ? `${source} ` : ''}values["${key}"]`, `件数应为整数（${value}）`);
    }
  }
  return {
    format,
    year,
    issuer: issuer ?? '',
    hasTable: parsed.data.hasTable ?? parsed.data.has_table ?? true,
    values,
    ...(narrative ? { narrative } : {}),
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
