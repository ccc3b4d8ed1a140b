/**
 * One published document → the extraction JSON of the contract (annual-report.md, "Extraction output"):
 * decode, repair, read, then the report core's rule check with the narrative's statements.
 */
import { readFileSync, statSync } from 'node:fs';
import { check } from '../report/check.ts';
import type { Finding } from '../report/model.ts';
import { type DecodeOptions, documentText, MAX_BYTES, UnreadableError } from './decode/document.ts';
import { type OcrSummary, type ReviewItem, reviewOcr } from './decode/ocr/review.ts';
import { type ExtractionResult, type PreviousReport, readReport } from './read/index.ts';
import { toLines } from './repair/index.ts';
import type { SectionTwoYear, SectionTwoYears } from './repair/section-two-years.ts';

export { UnreadableError };

/** The extraction JSON of the contract: the reader's result with its source and the rule findings. */
export interface ExtractionOutput extends Omit<ExtractionResult, 'statements'> {
  source: string;
  findings: Finding[];
  /** A scan read by OCR: its pages, the review threshold and each value's confidence. */
  ocr?: OcrSummary;
  /** Values a person must check (OCR uncertain, cell not found, a rule broken, a printed cell not read). */
  review?: ReviewItem[];
  /** Section 二 rows of 上一年项目数量 left out: every reading of the run, by row key (for the years either side). */
  sectionTwoCandidates?: Record<string, number[][]>;
}

/**
 * Text that is not a report at all: no table and no figure, and no year or no mention of 信息公开 (a site's
 * error page has a year in its footer; a report without figures still names its subject).
 */
function notAReport(result: ReturnType<typeof readReport>, lines: string[]): boolean {
  if (result.hasTable || Object.keys(result.values).length > 0) return false;
  return result.year === null || !lines.some((line) => /信\s*息\s*公\s*开|政\s*务\s*公\s*开/.test(line));
}

export interface ExtractOptions extends DecodeOptions {
  /**
   * The same body's report of the year before, as extracted (`gongkai extract --previous prev.json`): where
   * a local variant's running total (历年累计) is run together with the year's figure, last year's total
   * may leave one cut. The values so split are named in the warnings and their provenance.
   */
  previous?: PreviousReport;
  /** The same body's report of the year after, likewise (a batch read as a series, series.ts). */
  following?: PreviousReport;
}

export async function extractBuffer(
  bytes: Uint8Array,
  source: string,
  opts: ExtractOptions = {},
): Promise<ExtractionOutput> {
  const doc = await documentText(bytes, source, opts);
  let layoutWarnings: string[] = [];
  let sectionTwoCandidates: Record<string, number[][]> = {};
  let lines = toLines(doc.text, layoutWarnings, { candidates: sectionTwoCandidates });
  let result = readReport(lines, { previous: opts.previous, following: opts.following });
  // Section 二 rows left out may be cut with the years either side, once this report's year and body are
  // known to be theirs: the text is repaired again with them.
  const years = sectionTwoYears(result, opts);
  if (years && Object.keys(sectionTwoCandidates).length > 0) {
    layoutWarnings = [];
    sectionTwoCandidates = {};
    lines = toLines(doc.text, layoutWarnings, { years, candidates: sectionTwoCandidates });
    result = readReport(lines, { previous: opts.previous, following: opts.following });
  }
  if (notAReport(result, lines))
    throw new UnreadableError(
      '不是年度报告：没有年份、表格或数字 (no annual report found: no year, no table, no figures)',
    );
  const findings = check(
    { format: result.format, year: result.year ?? 0, issuer: result.issuer ?? '', values: result.values },
    { statements: result.statements, skipRules: result.suspendedRules },
  );
  const ocr = doc.ocr ? reviewOcr({ ...result, findings, lines, rows: doc.ocr.rows, pages: doc.ocr.pages }) : undefined;
  return {
    source,
    format: result.format,
    hasTable: result.hasTable,
    year: result.year,
    issuer: result.issuer,
    values: result.values,
    provenance: result.provenance,
    findings,
    warnings: [...layoutWarnings, ...result.warnings],
    ...(result.variant ? { variant: result.variant } : {}),
    ...(result.variantFigures ? { variantFigures: result.variantFigures } : {}),
    ...(result.variantCandidates ? { variantCandidates: result.variantCandidates } : {}),
    ...(Object.keys(sectionTwoCandidates).length > 0 ? { sectionTwoCandidates } : {}),
    ...(ocr ? { ocr: ocr.ocr, review: ocr.review } : {}),
  };
}

/** The neighbouring reports that are this body's years either side, as section 二's cutting needs them. */
function sectionTwoYears(result: ExtractionResult, opts: ExtractOptions): SectionTwoYears | undefined {
  const fits = (report: PreviousReport | undefined, year: number | null): SectionTwoYear | undefined =>
    report?.values && report.year !== null && year !== null && report.year === year && sameBody(report, result)
      ? {
          year: report.year,
          values: report.values,
          ...(report.sectionTwoCandidates ? { candidates: report.sectionTwoCandidates } : {}),
        }
      : undefined;
  const year = result.year;
  const previous = fits(opts.previous, year === null ? null : year - 1);
  const following = fits(opts.following, year === null ? null : year + 1);
  if (!previous && !following) return undefined;
  return { ...(previous ? { previous } : {}), ...(following ? { following } : {}) };
}

/** Both name the same body (a report of no named body lends nothing to section 二). */
const sameBody = (report: PreviousReport, result: ExtractionResult) =>
  Boolean(report.issuer && result.issuer && report.issuer === result.issuer);

export async function extractFile(path: string, opts: ExtractOptions = {}): Promise<ExtractionOutput> {
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > MAX_BYTES) throw new UnreadableError(`文件过大 (file too large: ${Math.round(size / 1024 / 1024)} MB)`);
    bytes = readFileSync(path); // small files, read one at a time: sync is faster and the batch is sequential
  } catch (error) {
    if (error instanceof UnreadableError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const why =
      code === 'ENOENT'
        ? '文件不存在'
        : code === 'EISDIR'
          ? '是目录'
          : code === 'EACCES'
            ? '没有读取权限'
            : '无法读取文件';
    throw new UnreadableError(`${why} (cannot read file: ${code})`);
  }
  return extractBuffer(bytes, path, opts);
}
