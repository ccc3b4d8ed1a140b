/**
 * The one data model of a 《政府信息公开工作年度报告》. Every path produces this: computed from cases and the
 * catalog, extracted from a published document, or typed in. The same rules check it and the same code
 * renders it. Keys and rule ids are the contract of ../shared/spec/annual-report.md.
 */

/** The three statistical templates. */
export type TemplateId = 'old2008' | 'new2019' | 'new2021';
export const TEMPLATE_IDS: readonly TemplateId[] = ['old2008', 'new2019', 'new2021'];

/**
 * A cell: a number (counts; 万元 amounts may be decimal; 本年增/减 may be negative), words printed in the
 * cell (`列入财政预算`), or null when the row is printed but the cell is blank, `-`, `/` or `——`.
 * A blank cell is never 0. A row the document does not print is absent from `values`.
 */
export type CellValue = number | string | null;

/** Where a value was read from in a source document (1-based line of the repaired text). */
export interface Provenance {
  line: number;
  text: string;
}

/** The narrative sections of the report (条例第五十条). All optional: extracted reports may lack them. */
export interface Narrative {
  /** 一、总体情况 */
  overview?: string;
  /** 五、存在的主要问题及改进情况 */
  problems?: string;
  /** 六、其他需要报告的事项 */
  other?: string;
}

export interface Report {
  format: TemplateId;
  year: number;
  /** The issuing body as printed (发布机构), e.g. 南充市高坪区人民政府办公室. */
  issuer: string;
  /** False for a narrative-only report whose figures come from sentences. Defaults to true. */
  hasTable?: boolean;
  values: Record<string, CellValue>;
  provenance?: Record<string, Provenance>;
  narrative?: Narrative;
}

/** Units printed in the 单位 column of the old table or in a header of the new ones. */
export type Unit = '条' | '件' | '次' | '篇' | '个' | '人' | '人次' | '万元' | '项';

export type Severity = 'error' | 'warning';

/** One finding of the rule check (勾稽关系). */
export interface Finding {
  /** A rule id of the spec, e.g. `new.apply.balance.total`. */
  rule: string;
  severity: Severity;
  /** The canonical keys of the cells involved. */
  cells: string[];
  expected: number | null;
  actual: number | null;
  /** A sentence in Chinese that a clerk understands. */
  message: string;
}
