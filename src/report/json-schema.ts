/**
 * The JSON Schema of a report, generated from the template definitions, so the published schema, the
 * parser and the templates cannot drift apart. Published as schema/report.schema.json.
 */
import { TEMPLATE_IDS, type TemplateId } from './model.ts';
import { SIGN_CHECKED_KEYS } from './rules/definitions.ts';
import { getTemplate, keyInfo, keysOf } from './templates/index.ts';

type JsonSchema = Record<string, unknown>;

function cellSchema(format: TemplateId, key: string): JsonSchema {
  const info = keyInfo(format, key)!;
  const number: JsonSchema =
    info.kind === 'count'
      ? SIGN_CHECKED_KEYS.has(key)
        ? { type: 'integer', description: '件数；负数为校验发现的问题（new.s20_1.in_force_bounds）' }
        : { type: 'integer', minimum: 0 }
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
      hasTable: { type: 'boolean', description: '是否有统计表（false：仅有正文，数字取自句子）；也接受 has_table' },
      has_table: { type: 'boolean' },
      values: { type: 'object', description: '规范键 → 单元格的值' },
      provenance: {
        type: 'object',
        description: '每个值在源文档中的出处（修复后文本的行号，从1起）',
        additionalProperties: {
          type: 'object',
          required: ['line', 'text'],
          properties: { line: { type: 'integer', minimum: 1 }, text: { type: 'string' } },
        },
      },
      ocr: {
        type: 'object',
        description:
          '抽取结果：扫描件或图片经文字识别（OCR）读出时才有。pages 为识别的页数，threshold 为复核阈值，confidence 为每个值的识别置信度（0–1，该值最不确定的字符；null 为未能在识别结果中定位）',
        required: ['pages', 'threshold', 'confidence'],
        properties: {
          pages: { type: 'integer', minimum: 1 },
          threshold: { type: 'number', minimum: 0, maximum: 1 },
          confidence: { type: 'object', additionalProperties: { type: ['number', 'null'], minimum: 0, maximum: 1 } },
        },
      },
      review: {
        type: 'array',
        description:
          '抽取结果：需要人工复核的值（文字识别时给出）。low_confidence：置信度低于阈值；not_located：未能定位到识别出的单元格；rule：违反勾稽关系（rule 为规则编号）；not_read：模板印有该单元格但未读出',
        items: {
          type: 'object',
          required: ['key', 'reason'],
          properties: {
            key: { type: 'string' },
            reason: { enum: ['low_confidence', 'not_located', 'rule', 'not_read'] },
            confidence: { type: 'number', minimum: 0, maximum: 1 },
            rule: { type: 'string' },
          },
        },
      },
      narrative: {
        type: 'object',
        additionalProperties: false,
        properties: {
          overview: { type: 'string', description: '一、总体情况' },
          problems: { type: 'string', description: '存在的主要问题及改进情况' },
          other: { type: 'string', description: '其他需要报告的事项' },
        },
      },
    },
    oneOf: TEMPLATE_IDS.map((format) => ({
      title: getTemplate(format).name,
      properties: { format: { const: format }, values: { $ref: `#/$defs/${format}` } },
    })),
    $defs: Object.fromEntries(TEMPLATE_IDS.map((format) => [format, valuesSchema(format)])),
  };
}
