/**
 * The annual report core, one import for the modules that use it (cases, catalog, web, cli): the model, the
 * templates as data, the rule check, JSON input and the JSON Schema. Rendering lives in ./render.
 */
export { type CheckOptions, check, hasErrors, type Statement } from './check.ts';
export { buildReportJsonSchema } from './json-schema.ts';
export * from './model.ts';
export { parseReportJson, ReportInputError, toReport } from './parse.ts';
export {
  type Derivation,
  derivationsOf,
  RULE_IDS,
  RULES,
  type RuleDef,
  ruleInfo,
  rulesOf,
  SIGN_CHECKED_KEYS,
} from './rules/definitions.ts';
export type * from './template.ts';
export * from './templates/index.ts';
