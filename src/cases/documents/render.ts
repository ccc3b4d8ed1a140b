/**
 * A case's notice or reply as a document: the agency's template (or the built-in one) filled from the
 * case, then printed as HTML or DOCX (the `docx` package). Personal data is not masked here: the document
 * goes to the applicant.
 */
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { and, desc, eq } from 'drizzle-orm';
import { requirePermission, type SessionUser } from '../../auth/roles.ts';
import type { Executor } from '../../db/client.ts';
import { agencies } from '../../db/schema/agencies.ts';
import { type Case, caseDocumentTemplates, casePauses, cases } from '../../db/schema/cases.ts';
import { AppError } from '../../errors.ts';
import { escapeHtml } from '../../escape-html.ts';
import { outcome } from '../../law/outcomes.ts';
import { GB9704_PAGE } from '../../report/render/gb9704.ts';
import { asciiCss, standaloneCsp } from '../../standalone-html.ts';
import { assistsOfCase } from '../assists.ts';
import { DELIVERY_METHOD_NAMES, listDeliveries } from '../deliveries.ts';
import { latestEvent } from '../events.ts';
import { latestLetter } from '../letters.ts';
import { courtOf, reviewBodyOf } from './review-body.ts';
import { DEFAULT_TEMPLATES, type DocumentKind, fillTemplate, replyKindOf } from './templates.ts';

export const CHANNEL_NAMES: Record<Case['channel'], string> = {
  in_person: '当面提交',
  post: '邮寄',
  online: '在线平台',
  email: '电子邮件',
  fax: '传真',
};

const cn = (d: string | null | undefined) => {
  if (!d) return undefined;
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
};

export interface CaseDocument {
  kind: DocumentKind;
  title: string;
  text: string;
  /** 文号 of the letter issued (./letters.ts); none for a receipt or a letter not yet issued. */
  letterNo?: string;
}

/** The letter (with its 文号) a document kind prints. */
// 说明理由告知书 and the third party's 告知书 go with the reply decision and carry its 文号.
const letterKindOf = (kind: DocumentKind) =>
  kind.startsWith('reply.') || kind === 'reasons' || kind === 'disclosure_notice'
    ? 'reply'
    : kind === 'receipt'
      ? undefined
      : (kind as 'correction' | 'extension' | 'consultation' | 'fee');

/** Which document a case can print now; 'reply' picks the reply template of its outcome. */
export async function buildCaseDocument(
  db: Executor,
  input: { caseId: number; kind: DocumentKind | 'reply'; today: string; user?: SessionUser },
): Promise<CaseDocument & { agencyId: number }> {
  const [c] = await db.select().from(cases).where(eq(cases.id, input.caseId));
  if (!c) throw new AppError('not_found', `申请 ${input.caseId} 不存在`);
  // Permission before any state: a 409 (not yet answered) told another agency's staff how its case stood.
  if (input.user) requirePermission(input.user, 'case.read', c.agencyId);
  let kind = input.kind;
  if (kind === 'reply' || kind.startsWith('reply.')) {
    if (!c.outcome) throw new AppError('invalid_state', '该申请尚未答复，不能生成答复书');
    kind = replyKindOf(c.outcome);
  }
  const [agency] = await db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, c.agencyId));
  const [own] = await db
    .select()
    .from(caseDocumentTemplates)
    .where(and(eq(caseDocumentTemplates.agencyId, c.agencyId), eq(caseDocumentTemplates.kind, kind)));
  const template = own ?? DEFAULT_TEMPLATES[kind];
  const [pause] = await db
    .select()
    .from(casePauses)
    .where(eq(casePauses.caseId, c.id))
    .orderBy(desc(casePauses.fromOn))
    .limit(1);
  const o = c.outcome ? outcome(c.outcome, c.regime) : undefined;
  if (kind === 'reasons' && !o?.reasonRequired)
    throw new AppError('invalid_state', '只有不予公开、部分公开等须说明理由的答复才有说明理由告知书');
  if (kind === 'disclosure_notice' && !(pause && (c.outcome === 'granted' || c.outcome === 'partly_granted')))
    throw new AppError('invalid_state', '只有征求过第三方意见并决定公开的申请才有第三方告知书');
  // What the clerk wrote with the action (补正内容, 延期理由, the fee's basis): its typed event (../events.ts).
  const letterKind = letterKindOf(kind);
  // 协办函: the latest; 送达回证: the reply's letter and its latest delivery.
  const [assist] = kind === 'assist' ? (await assistsOfCase(db, c.id)).slice(-1) : [];
  const [delivery] = kind === 'delivery_receipt' ? (await listDeliveries(db, c.id)).slice(-1) : [];
  const replyLetter = kind === 'delivery_receipt' ? await latestLetter(db, c.id, 'reply') : undefined;
  const [correction, extension, fee, letter, reviewBody, court] = await Promise.all([
    latestEvent(db, c.id, 'request_correction'),
    latestEvent(db, c.id, 'extend'),
    latestEvent(db, c.id, 'send_fee_notice'),
    letterKind ? latestLetter(db, c.id, letterKind) : undefined,
    reviewBodyOf(db, c.agencyId),
    courtOf(db, c.agencyId),
  ]);
  const values: Record<string, string | undefined> = {
    申请人: c.applicantName,
    机关: agency?.name,
    日期: cn(input.today),
    收到日期: cn(c.receivedOn),
    渠道: CHANNEL_NAMES[c.channel],
    查询码: c.trackingCode,
    申请内容: c.subject,
    形式: c.formWanted,
    // A date counted on the provisional calendar says so in the letter too (law-and-formats.md §6.4).
    答复期限: c.dueProvisional ? `${cn(c.dueOn)}（暂定，以国务院办公厅当年节假日安排为准）` : cn(c.dueOn),
    补正期限: cn(c.correctionDeadline),
    补正内容: correction?.what,
    延期理由: extension?.reason,
    // Events from before the length was chosen: the regime's full period.
    延长天数: c.extended ? String(c.extensionDays ?? extension?.days ?? (c.regime === '2019' ? 20 : 15)) : undefined,
    征求对象: pause?.party,
    意见期限: cn(pause?.replyDueOn),
    费用: c.feeYuan == null ? undefined : String(c.feeYuan),
    计费方式: fee?.fee.lines
      .filter((l) => l.unitYuan > 0)
      .map((l) => `第${l.from}至${l.to}件（页）每件（页）${l.unitYuan}元`)
      .join('，'),
    // The 20 working days run from the applicant's receipt of this very notice (often unknown when printed).
    缴费期限: c.feeDueOn ? cn(c.feeDueOn) : '收到本通知次日起20个工作日届满',
    答复结论: o?.label,
    法律依据: o?.basis ?? c.outcomeBasis ?? undefined,
    答复内容: c.replyText ?? '',
    复议机关: reviewBody,
    管辖法院: court,
    协办机关: assist?.toAgency,
    协办事项: assist?.request,
    协办期限: cn(assist?.answerBy),
    送达文书: replyLetter ? `政府信息公开申请答复书（${replyLetter.letterNo}）` : '政府信息公开申请答复书',
    送达方式: delivery ? DELIVERY_METHOD_NAMES[delivery.method] : undefined,
    送达日期: cn(delivery?.sentOn),
    邮件号码: delivery?.trackingNumber ?? (delivery ? '—' : undefined),
  };
  return {
    kind,
    title: template.title,
    text: fillTemplate(template.body, values),
    agencyId: c.agencyId,
    letterNo: letter?.letterNo,
  };
}

const DOCUMENT_CSS = `@page{size:A4;margin:37mm 26mm 35mm 28mm}body{font-family:FangSong,"仿宋",serif;font-size:16pt;line-height:1.8}
h1{font-family:"方正小标宋简体",SimSun,serif;font-size:22pt;text-align:center;font-weight:normal}
p{text-indent:2em;margin:0}p:first-of-type,p:last-of-type{text-indent:0}p:last-of-type{text-align:right}
p.letter-no{text-align:center;text-indent:0;margin-bottom:1em}p.letter-no+p{text-indent:0}
section+section{break-before:page}`;
/** The letter's <style>, in ASCII (src/standalone-html.ts). */
const DOCUMENT_STYLE = asciiCss(DOCUMENT_CSS);
/** The policy a letter is served in place with (portal, console, API): its one <style> by hash. */
export const DOCUMENT_HTML_CSP = standaloneCsp(DOCUMENT_STYLE);

/** A printable HTML page (A4, 仿宋 body, 小标宋 title). */
export function documentHtml(doc: CaseDocument): string {
  return documentsHtml([doc], doc.title);
}

/** Several letters to print at once (受理回执 of the ticked cases), each on its own page. */
export function documentsHtml(docs: CaseDocument[], title: string): string {
  const section = (doc: CaseDocument) => {
    const paragraphs = doc.text
      .split(/\n{2,}/)
      .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
      .join('\n');
    return `<section><h1>${escapeHtml(doc.title)}</h1>
${doc.letterNo ? `<p class="letter-no">${escapeHtml(doc.letterNo)}</p>\n` : ''}${paragraphs}
</section>`;
  };
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>${DOCUMENT_STYLE}</style>
</head><body>${docs.map(section).join('\n')}
</body></html>`;
}

/** 正文 仿宋_GB2312 三号 (16 pt), 标题 方正小标宋简体 二号 (22 pt); docx sizes are half-points. */
const BODY = { font: '仿宋_GB2312', size: 32 } as const;
const TITLE = { font: '方正小标宋简体', size: 44 } as const;

/** The same document as DOCX, in GB/T 9704 layout: no Word heading style (no blue), every run in its font. */
export async function documentDocx(doc: CaseDocument): Promise<Buffer> {
  const blocks = doc.text.split(/\n{2,}/);
  const run = (text: string, breakBefore = false) =>
    new TextRun({ text, ...BODY, ...(breakBefore ? { break: 1 } : {}) });
  const d = new Document({
    creator: 'gongkai',
    title: doc.title,
    sections: [
      {
        properties: { page: GB9704_PAGE },
        children: [
          new Paragraph({ alignment: 'center', children: [new TextRun({ text: doc.title, ...TITLE })] }),
          ...(doc.letterNo ? [new Paragraph({ alignment: 'center', children: [run(doc.letterNo)] })] : []),
          ...blocks.map(
            (b, i) =>
              new Paragraph({
                alignment: i === blocks.length - 1 ? 'right' : undefined,
                indent: i === 0 || i === blocks.length - 1 ? undefined : { firstLine: 640 },
                children: b.split('\n').map((line, j) => run(line, j > 0)),
              }),
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(d);
}
