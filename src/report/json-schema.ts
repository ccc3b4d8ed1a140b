/**
 * The JSON Schema of a report, generated from the template definitions, so the published schema, the
 * parser and the templates cannot drift apart. Published as schema/report.schema.json.
 */
import { TEMPLATE_IDS, type TemplateId } from './model.ts';
import { getTemplate, keyInfo, keysOf } from './templates/index.ts';

type JsonSchema = Record<string, unknown>;

function cellSchema(format: TemplateId, key: string): JsonSchema {
  const info = keyInfo(format, key)!;
  const number: JsonSchema =
    info.kind === 'count'
      ? { type: 'integer', minimum: 0 }
      : info.kind === 'change'
        ? { type: 'integer' }
        : { type: 'number' };
  return {
    description: `${info.label}${info.unit ? `（${info.unit}）` : ''}`,
    anyOf: [
      number,
      { type: 'string', description: '单元格中的文字，如“列入财政预算”' },
      { type: 'null', description: '空白单元格（不等于0）' },
    ],
  };
}

function valuesSchema(format: TemplateId): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const key of keysOf(format)) properties[key] = cellSchema(format, key);
  return { type: 'object', additionalProperties: false, properties };
}

export function buildReportJsonSchema(): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://gongkai.example/schema/report.schema.json',
    title: '政府信息公开工作年度报告',
    description:
      'A report as gongkai computes, extracts and checks it. Keys are the canonical keys of the three templates; a printed blank cell is null, an unprinted row is absent.',
    type: 'object',
    required: ['format', 'year', 'values'],
    properties: {
      format: { enum: [...TEMPLATE_IDS] },
      year: { type: 'integer', minimum: 2000, maximum: 2100 },
      issuer: { type: ['string', 'null'], description: '发布机构' },
      hasTable: { type: 'boolean' },
      values: { type: 'object' },
    },
    oneOf: TEMPLATE_IDS.map((format) => ({
      title: getTemplate(format).name,
      properties: { format: { const: format }, values: { $ref: `#/$defs/${format}` } },
    })),
    $defs: Object.fromEntries(TEMPLATE_IDS.map((format) => [format, valuesSchema(format)])),
  };
}
