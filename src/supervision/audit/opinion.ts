/**
 * 审核意见: what the supervising office sends a unit back with its annual report — each problem of the audit
 * (problems.ts), grouped by kind, with the cells involved by their official labels. As text (the reason of
 * 退回修改, carried by the 督办 notice) and as a DOCX in the 公文 layout of GB/T 9704-2012: A4 with the
 * standard margins, title in 方正小标宋简体 2号, headings in 黑体 3号, body in 仿宋_GB2312 3号, all black (no
 * coloured heading styles).
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { BLACK, BODY_FONT, GB9704_PAGE, GB9704_STYLES, LINE } from '../../report/render/gb9704.ts';
import { type AuditProblem, PROBLEM_KIND_NAMES, PROBLEM_KINDS } from './problems.ts';
import type { UnitAudit } from './query.ts';

const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export const opinionTitle = (unit: Pick<UnitAudit, 'agencyName' | 'year'>) =>
  `关于${unit.agencyName}${unit.year}年度政府信息公开工作年度报告的审核意见`;

/** `（涉及：「予以公开（自然人）」、「行政复议结果维持」）` */
export function cellsText(problem: AuditProblem): string {
  if (problem.cells.length === 0) return '';
  return `（涉及：${problem.cells.map((c) => `「${c.label}」`).join('、')}）`;
}

/** The problems grouped by kind in a fixed order, each group with its 一、二、… heading. */
export function opinionGroups(problems: readonly AuditProblem[]) {
  return PROBLEM_KINDS.map((kind) => ({ kind, problems: problems.filter((p) => p.kind === kind) }))
    .filter((g) => g.problems.length)
    .map((g, i) => ({ ...g, heading: `${CN_NUMBERS[i] ?? i + 1}、${PROBLEM_KIND_NAMES[g.kind]}问题` }));
}

const opening = (unit: UnitAudit) =>
  unit.problems.length
    ? `经审核，你单位${unit.year}年度政府信息公开工作年度报告存在以下问题，请逐项核实修改后重新报送：`
    : `经审核，你单位${unit.year}年度政府信息公开工作年度报告未发现问题。`;

const CLOSING = '请于收到本意见之日起5个工作日内修改完善，经本单位审核后重新报送。';

/** The 审核意见 as plain text: the reason given with 退回修改. */
export function opinionText(unit: UnitAudit): string {
  const lines = [opening(unit)];
  for (const g of opinionGroups(unit.problems)) {
    lines.push(g.heading);
    for (const [i, p] of g.problems.entries()) lines.push(`${i + 1}. ${p.message}${cellsText(p)}`);
  }
  if (unit.problems.length) lines.push(CLOSING);
  return lines.join('\n');
}

const run = (text: string, fontName = BODY_FONT) => new TextRun({ text, font: fontName, size: 32, color: BLACK });
const para = (text: string) => new Paragraph({ indent: { firstLine: 640 }, spacing: LINE, children: [run(text)] });

/** The 审核意见 as a DOCX, signed by the supervising office with the date (`2026年12月4日`). */
export async function opinionDocx(unit: UnitAudit, sign: { from: string; date: string }): Promise<Buffer> {
  const [y, m, d] = sign.date.split('-').map(Number);
  const children: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      heading: HeadingLevel.TITLE,
      spacing: { after: 579 },
      children: [new TextRun({ text: opinionTitle(unit), font: '方正小标宋简体', size: 44, color: BLACK })],
    }),
    new Paragraph({ spacing: LINE, children: [run(`${unit.agencyName}：`)] }),
    para(opening(unit)),
  ];
  for (const g of opinionGroups(unit.problems)) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        indent: { firstLine: 640 },
        spacing: LINE,
        children: [run(g.heading, '黑体')],
      }),
    );
    for (const [i, p] of g.problems.entries()) children.push(para(`${i + 1}. ${p.message}${cellsText(p)}`));
  }
  if (unit.problems.length) children.push(para(CLOSING));
  children.push(
    new Paragraph({ spacing: LINE, children: [] }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: LINE,
      indent: { right: 1280 },
      children: [run(sign.from)],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: LINE,
      indent: { right: 1280 },
      children: [run(`${y}年${m}月${d}日`)],
    }),
  );
  const doc = new Document({
    creator: 'gongkai',
    title: opinionTitle(unit),
    styles: GB9704_STYLES,
    sections: [
      {
        properties: {
          page: GB9704_PAGE,
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
