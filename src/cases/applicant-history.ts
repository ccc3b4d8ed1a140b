/**
 * The applicant's own account of their application, in plain words, for the tracking page: received, asked
 * for 补正 (with what to correct and by when), the correction received, consultations (time not counted),
 * the extension, the fee notice and payment, the reply, the withdrawal — from the case's audit events, without
 * staff names, internal notes or anything of other cases.
 */
import { listAudit } from '../db/audit.ts';
import type { Executor } from '../db/client.ts';
import type { AuditEvent } from '../db/schema/audit.ts';
import { OUTCOMES } from '../law/outcomes.ts';

const OUTCOME_LABELS = new Map(OUTCOMES.map((o) => [`${o.regime}:${o.code}`, o.label]));

type Data = Record<string, unknown>;
const text = (v: unknown) => (typeof v === 'string' ? v : '');

const WORDS: Record<string, (d: Data, regime: string) => string> = {
  'case.received': () => '行政机关收到您的申请',
  'case.request_correction': (d) =>
    `行政机关告知您补正申请${text(d.what) ? `：${text(d.what)}` : ''}${text(d.deadline) ? `（请于 ${text(d.deadline)} 前补正）` : ''}`,
  'case.correction_submitted': (d) =>
    `您在网上提交了补正${Array.isArray(d.attachments) && d.attachments.length ? `（附件 ${d.attachments.length} 个）` : ''}`,
  'case.receive_correction': (d) => `收到您的补正，答复期限重新计算${text(d.dueOn) ? `，至 ${text(d.dueOn)}` : ''}`,
  'case.lapse_correction': () => '补正期限届满未收到补正，视为放弃申请',
  'case.start_consultation': () => '行政机关正在征求意见，所需时间不计算在答复期限内',
  'case.end_consultation': (d) => `征求意见结束${text(d.dueOn) ? `，答复期限至 ${text(d.dueOn)}` : ''}`,
  'case.extend': (d) => `行政机关延长答复期限${text(d.dueOn) ? `至 ${text(d.dueOn)}` : ''}`,
  'case.send_fee_notice': () => '行政机关发出信息处理费缴费通知',
  'case.record_payment': () => '收到您缴纳的信息处理费',
  'case.lapse_fee': () => '逾期未缴纳信息处理费，视为放弃申请',
  'case.reply': (d, regime) =>
    `行政机关作出答复${text(d.outcome) ? `：${OUTCOME_LABELS.get(`${regime}:${text(d.outcome)}`) ?? ''}` : ''}`,
  'case.withdraw': () => '您撤回了申请',
};

const shanghaiDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

/** Oldest first: the day and what happened. */
export async function applicantHistory(db: Executor, caseId: number, regime: string) {
  const events: AuditEvent[] = await listAudit(db, { entityType: 'case', entityId: caseId, limit: 200 });
  return events
    .filter((e) => WORDS[e.action])
    .reverse()
    .map((e) => ({ on: shanghaiDate.format(e.at), what: WORDS[e.action]((e.data ?? {}) as Data, regime) }));
}
