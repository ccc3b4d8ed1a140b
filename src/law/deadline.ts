/**
 * The statutory answer period of an application (依申请公开), and the other working-day periods of the
 * procedure. Pure functions over a WorkingCalendar; every result explains itself in Chinese.
 *
 * Counting: the day of receipt is not counted (民法典第二百零一条: 开始的当日不计入 — applied to these
 * periods in practice; law-and-formats.md §6.3, [UNCONFIRMED] for 政府信息公开 specifically); day 1 is
 * the first working day after it. Receipt of a 补正 restarts the period (第三十条). Consultation days
 * (FROM to TO, inclusive) are not counted (第三十三条第三款).
 */
import { AppError } from '../errors.ts';
import type { SkippedDay, WorkingCalendar } from './calendar.ts';
import { addDays, nextDay, parseDate, weekdayName, yearOf } from './dates.ts';
import { type RegimeId, regimeById, regimeFor } from './regimes.ts';

/**
 * Days not counted, FROM to TO inclusive. Without a label it is a consultation (第三十三条第三款); a label
 * says what else stops the count (the fee wait, src/law/case-clock.ts).
 */
export interface PauseInput {
  from: string;
  to: string;
  /** Shown for each day not counted, with its basis: “缴纳信息处理费期间不计算在答复期限内（…）”. */
  label?: string;
}

export interface DeadlineInput {
  received: string;
  regime?: RegimeId;
  correctionReceived?: string;
  pauses?: PauseInput[];
  extended?: boolean;
  /** The extension approved, in working days (第三十三条第二款: 最长不得超过20个工作日); default the maximum. */
  extensionDays?: number;
  /**
   * 第三十五条: for a reasonable but large request the agency sets a later date and tells the applicant; it
   * replaces the statutory period (no statutory cap).
   */
  reasonablePeriod?: { due: string; setOn: string };
  /** false: the due dates only, without the day-by-day lines (lists and bulk recomputes); default true. */
  explain?: boolean;
}

export interface Deadline {
  due: string;
  /** The end of the first period, before any extension. */
  firstDue: string;
  regime: RegimeId;
  /** The day the count starts from (not itself counted). */
  start: string;
  workingDaysCounted: number;
  skipped: SkippedDay[];
  pauses: { from: string; to: string }[];
  extended: boolean;
  /**
   * The period reaches into a year whose notice is not entered (`provisionalYears`): the due date is 暂定,
   * counted on the statutory holidays without 调休, until the notice is entered (law-and-formats.md §6.4).
   */
  provisional: boolean;
  provisionalYears: number[];
  explanation: string[];
}

/** The years from `from` to `to` the calendar counts provisionally (no notice entered). */
export function provisionalYearsBetween(calendar: WorkingCalendar, from: string, to: string): number[] {
  const years: number[] = [];
  for (let y = yearOf(from); y <= yearOf(to); y++) if (calendar.isProvisional(y)) years.push(y);
  return years;
}

/** The line saying a date is 暂定 and why, naming the missing years. */
export function provisionalNote(years: number[]): string {
  const named = years.map((y) => `${y}年`).join('、');
  return `${named}的节假日安排（国务院办公厅通知）尚未录入：该年按《全国年节及纪念日放假办法》第二条的法定节假日和周末暂定计算，未计调休；期限为暂定，录入通知后重新计算。`;
}

/**
 * [UNCONFIRMED] law-and-formats.md §6.3, §7 item 6: whether the day of receipt (or of the 补正's receipt)
 * counts. CHOICE: it does not — 民法典第二百零一条 “开始的当日不计入，自下一日开始计算”, applied to these periods
 * in practice (“自收到申请次日起算20个工作日”, [SECONDARY]). Set to true to count that day as day 1 when it is
 * a working day.
 */
export const RECEIPT_DAY_COUNTED: boolean = false;

type Paused = (date: string) => string | null;
const CONSULTATION = '征求意见期间';

/**
 * The lines explaining one counted stretch (after `from` up to `to`), in date order: runs of days not
 * counted (周末, a holiday break with its notice, a consultation pause) and the 调休上班 days counted.
 */
function describeStretch(calendar: WorkingCalendar, from: string, to: string, paused: Paused, pauseBasis: string) {
  const lines: string[] = [];
  let run: { from: string; to: string; label: string; days: number } | null = null;
  const flush = () => {
    if (!run) return;
    const span = run.from === run.to ? `${run.from}（${weekdayName(run.from)}）` : `${run.from}至${run.to}`;
    lines.push(`${span}：${run.label}，不计（${run.days}天）`);
    run = null;
  };
  for (let d = nextDay(from); d <= to; d = nextDay(d)) {
    let label: string | null = null;
    const pause = paused(d);
    if (pause)
      label = pause === CONSULTATION ? `征求第三方或其他机关意见，所需时间不计算在期限内（${pauseBasis}）` : pause;
    else {
      const kind = calendar.dayKind(d);
      if (kind.reason === 'weekend') label = '周末';
      else if (kind.reason === 'holiday') label = `${kind.holiday ?? '法定节假日'}假期，依${kind.notice}`;
      else if (kind.reason === 'makeup_workday') {
        flush();
        lines.push(`${d}（${weekdayName(d)}）：${kind.holiday ?? ''}调休上班日，依${kind.notice}计为工作日`);
      }
    }
    if (label && run && run.label === label && nextDay(run.to) === d) {
      run.to = d;
      run.days++;
    } else if (label) {
      flush();
      run = { from: d, to: d, label, days: 1 };
    } else flush();
  }
  flush();
  return lines;
}

export function computeDeadline(input: DeadlineInput, calendar: WorkingCalendar): Deadline {
  const received = parseDate(input.received, '收到申请日期');
  const correction = input.correctionReceived ? parseDate(input.correctionReceived, '收到补正日期') : undefined;
  if (correction && correction < received) throw new AppError('bad_input', '收到补正的日期不能早于收到申请的日期');
  const pauses = (input.pauses ?? []).map((p) => {
    const from = parseDate(p.from, '征求意见起始日期');
    const to = parseDate(p.to, '征求意见结束日期');
    if (to < from) throw new AppError('bad_input', `征求意见期间 ${from}:${to} 的结束日期早于起始日期`);
    return { from, to, ...(p.label ? { label: p.label } : {}) };
  });
  const regime = input.regime ? regimeById(input.regime) : regimeFor(received);
  const start = correction ?? received;
  const paused: Paused = (date) => {
    const p = pauses.find((q) => date >= q.from && date <= q.to);
    return p ? (p.label ?? CONSULTATION) : null;
  };
  const extensionDays = input.extensionDays ?? regime.extensionDays;
  if (!Number.isInteger(extensionDays) || extensionDays < 1 || extensionDays > regime.extensionDays) {
    throw new AppError(
      'bad_input',
      `延长的期限应为1至${regime.extensionDays}个工作日（${regime.basis.extension}），收到${extensionDays}`,
    );
  }

  const explain = input.explain ?? true;
  const countFrom = RECEIPT_DAY_COUNTED ? addDays(start, -1) : start;
  const first = calendar.addWorkingDays(countFrom, regime.answerDays, paused);
  let due = first.date;
  let skipped = first.skipped;
  const explanation = [
    `适用${regime.name}${regime.basis.answer}：自收到申请之日起${regime.answerDays}个工作日内答复。`,
    `${received}（${weekdayName(received)}）收到申请，当日${RECEIPT_DAY_COUNTED ? '计入' : '不计入'}期限。`,
  ];
  if (correction) {
    explanation.push(
      `${correction}（${weekdayName(correction)}）收到补正材料，答复期限自该日重新计算（${regime.basis.correction}），当日${RECEIPT_DAY_COUNTED ? '计入' : '不计入'}。`,
    );
  }
  explanation.push(
    ...(explain ? describeStretch(calendar, countFrom, first.date, paused, regime.basis.pause) : []),
    `第${regime.answerDays}个工作日为${first.date}（${weekdayName(first.date)}）。`,
  );

  if (input.extended) {
    const ext = calendar.addWorkingDays(first.date, extensionDays, paused);
    explanation.push(
      `经政府信息公开工作机构负责人同意并告知申请人，延长答复期限${extensionDays}个工作日（${regime.basis.extension}：最长不得超过${regime.extensionDays}个工作日），自${first.date}次日起算。`,
      ...(explain ? describeStretch(calendar, first.date, ext.date, paused, regime.basis.pause) : []),
    );
    due = ext.date;
    skipped = [...skipped, ...ext.skipped];
  }
  if (input.reasonablePeriod) {
    const r = input.reasonablePeriod;
    const set = parseDate(r.due, '确定的合理答复期限');
    if (set <= due) {
      throw new AppError('bad_input', `第三十五条确定的合理期限（${set}）应晚于法定答复期限（${due}）`);
    }
    explanation.push(
      `${parseDate(r.setOn, '告知日期')}：申请人申请公开政府信息的数量、频次明显超过合理范围，申请理由合理但无法在第三十三条规定的期限内答复，本机关确定延迟答复的合理期限并告知申请人（《条例》第三十五条）。`,
    );
    due = set;
  }
  const outside = pauses.filter((p) => p.to <= start || p.from > due);
  for (const p of outside)
    explanation.push(`${p.label ? '不计入期间' : '征求意见期间'}${p.from}至${p.to}不在计算期间内，不影响期限。`);
  const provisionalYears = provisionalYearsBetween(calendar, start, due);
  if (provisionalYears.length) explanation.push(provisionalNote(provisionalYears));
  explanation.push(`答复期限：${due}（${weekdayName(due)}${provisionalYears.length ? '，暂定' : ''}）。`);
  return {
    due,
    firstDue: first.date,
    regime: regime.id,
    start,
    workingDaysCounted: regime.answerDays + (input.extended ? extensionDays : 0),
    skipped,
    pauses,
    extended: Boolean(input.extended),
    provisional: provisionalYears.length > 0,
    provisionalYears,
    explanation,
  };
}

/** 第三十条: the agency tells the applicant what to correct within 7 working days of receipt. */
export function correctionNoticeDue(received: string, calendar: WorkingCalendar): string {
  return calendar.addWorkingDays(parseDate(received), 7).date;
}

/** 第三十二条, 第三十四条: a consulted third party or agency answers within 15 working days. */
export function consultationReplyDue(sent: string, calendar: WorkingCalendar): string {
  return calendar.addWorkingDays(parseDate(sent), 15).date;
}

/**
 * 《政府信息公开信息处理费管理办法》: the applicant pays within 20 working days of receiving the fee
 * notice, else the application is deemed withdrawn (wording via a provincial notice; article number
 * [UNCONFIRMED], law-and-formats.md §5).
 */
export function feePaymentDue(noticeReceived: string, calendar: WorkingCalendar): string {
  return calendar.addWorkingDays(parseDate(noticeReceived), 20).date;
}
