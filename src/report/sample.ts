/**
 * Consistent sample reports: random figures that satisfy every rule of their template. Tests break one
 * relation at a time from here; benchmarks and the extractor's labelled corpus start from here too.
 */
import type { CellValue, Report, TemplateId } from './model.ts';
import { APPLICANT_COLUMN_KEYS } from './templates/index.ts';
import { NOT_PROCESSED_ROWS, OTHER_SUB_ROWS, UNAVAILABLE_ROWS, WITHHELD_ROWS } from './templates/new-sections.ts';

/** A small, fast, seeded PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SampleOptions {
  format: TemplateId;
  year?: number;
  issuer?: string;
  seed?: number;
  /** Largest count in a cell (default 50). */
  scale?: number;
  /** new templates: carried_in per applicant column (to chain years). */
  carriedIn?: Record<string, number>;
  /** new2021: last year's in_force of rules and normative documents (to chain years). */
  inForceBefore?: { rules: number; normative: number };
  /** new2021: print （六）其他处理 as three rows (default: random). */
  otherAsThreeRows?: boolean;
}

const RESULT_ROWS_COMMON = [
  'apply.granted',
  'apply.partly_granted',
  ...WITHHELD_ROWS.map((r) => r.key!),
  ...UNAVAILABLE_ROWS.map((r) => r.key!),
  ...NOT_PROCESSED_ROWS.map((r) => r.key!),
];

export function sampleReport(opts: SampleOptions): Report {
  const rand = prng(opts.seed ?? 1);
  const scale = opts.scale ?? 50;
  const n = (max = scale) => Math.floor(rand() * (max + 1));
  // Sparse: most cells of a real table are 0.
  const sparse = (max = scale) => (rand() < 0.6 ? 0 : n(max));
  const values: Record<string, CellValue> = {};
  const year = opts.year ?? (opts.format === 'old2008' ? 2016 : opts.format === 'new2019' ? 2019 : 2022);

  if (opts.format === 'old2008') {
    const channels = ['gazette', 'website', 'weibo', 'wechat', 'other_channels'].map(
      (k) => [k, n(scale * 20)] as const,
    );
    const channelSum = channels.reduce((s, [, v]) => s + v, 0);
    const channelMax = Math.max(...channels.map(([, v]) => v));
    values['proactive.total'] = channelMax + Math.floor(rand() * (channelSum - channelMax + 1));
    const issued = n(scale);
    values['proactive.normative_docs_issued'] = issued;
    values['proactive.normative_docs'] = Math.min(n(issued), values['proactive.total'] as number);
    for (const [k, v] of channels) values[`proactive.${k}`] = v;
    values['response.hotspots'] = n();
    for (const pair of ['press_conferences', 'online_interviews']) {
      const total = n();
      values[`response.${pair}`] = total;
      values[`response.${pair}_by_head`] = n(total);
    }
    values['response.interpretations'] = n();
    values['response.weibo_wechat'] = n();
    values['response.other'] = n();
    const received = ['in_person', 'fax', 'online', 'letter'].map((k) => [k, sparse()] as const);
    for (const [k, v] of received) values[`apply.received.${k}`] = v;
    values['apply.received'] = received.reduce((s, [, v]) => s + v, 0);
    const reasons = ['state_secret', 'commercial_secret', 'privacy', 'security_stability', 'not_gov_info', 'other_law'];
    let refused = 0;
    for (const r of reasons) {
      const v = sparse(5);
      values[`apply.answered.refused.${r}`] = v;
      refused += v;
    }
    values['apply.answered.refused'] = refused;
    let answered = refused;
    for (const t of [
      'already_public',
      'agreed',
      'partial',
      'not_this_agency',
      'not_exist',
      'correction',
      'other_channel',
    ]) {
      const v = sparse();
      values[`apply.answered.${t}`] = v;
      answered += v;
    }
    values['apply.answered'] = answered;
    const extended = n(Math.floor(answered / 4));
    values['apply.completed'] = answered;
    values['apply.completed.on_time'] = answered - extended;
    values['apply.completed.extended'] = extended;
    for (const group of ['review', 'litigation']) {
      let total = 0;
      for (const k of ['upheld', 'corrected', 'other']) {
        const v = sparse(5);
        values[`${group}.${k}`] = v;
        total += v;
      }
      values[`${group}.total`] = total;
    }
    let complaints = 0;
    for (const k of ['upheld', 'corrected', 'other']) {
      const v = sparse(3);
      values[`complaints.${k}`] = v;
      complaints += v;
    }
    values.complaints = complaints;
    values.fees = 0;
    values['org.units'] = n(5);
    values['org.reading_points'] = n(20);
    const fullTime = n(5);
    const partTime = n(30);
    values['org.staff'] = fullTime + partTime;
    values['org.staff.full_time'] = fullTime;
    values['org.staff.part_time'] = partTime;
    values['org.budget'] = Math.round(rand() * 500) / 10;
    values['training.meetings'] = n(10);
    values['training.courses'] = n(10);
    values['training.trainees'] = n(500);
  } else {
    if (opts.format === 'new2019') {
      for (const row of ['rules', 'normative']) {
        const published = n(10);
        values[`s20_1.${row}.produced`] = published + n(3);
        values[`s20_1.${row}.published`] = published;
        values[`s20_1.${row}.total`] = published + n(100);
      }
      for (const row of ['s20_5.licensing', 's20_5.other_services', 's20_6.penalty', 's20_6.coercion']) {
        values[`${row}.prev`] = n(200);
        values[`${row}.change`] = n(20) - 10;
        values[`${row}.decisions`] = n(5000);
      }
      values['s20_8.fees.prev'] = n(20);
      values['s20_8.fees.change'] = n(4) - 2;
      values['s20_9.procurement.projects'] = n(100);
      values['s20_9.procurement.amount'] = Math.round(rand() * 1e6) / 100;
    } else {
      for (const row of ['rules', 'normative'] as const) {
        const before = opts.inForceBefore?.[row] ?? n(100);
        const repealed = n(Math.min(before, 10));
        const made = n(10);
        values[`s20_1.${row}.made`] = made;
        values[`s20_1.${row}.repealed`] = repealed;
        values[`s20_1.${row}.in_force`] = before + made - repealed;
      }
      for (const row of ['s20_5.licensing', 's20_6.penalty', 's20_6.coercion']) values[`${row}.decisions`] = n(5000);
      values['s20_8.fees.amount'] = Math.round(rand() * 1e6) / 100;
    }
    const threeRows = opts.format === 'new2021' && (opts.otherAsThreeRows ?? rand() < 0.5);
    const resultRows = [...RESULT_ROWS_COMMON, ...(threeRows ? OTHER_SUB_ROWS.map((r) => r.key!) : ['apply.other'])];
    const rowTotals = new Map<string, number>();
    for (const col of APPLICANT_COLUMN_KEYS) {
      const big = col === 'natural_person' ? scale : Math.max(1, Math.floor(scale / 10));
      const cells = new Map<string, number>();
      let total = 0;
      for (const row of resultRows) {
        const v = rand() < 0.5 ? 0 : n(big);
        cells.set(row, v);
        total += v;
      }
      const small = Math.max(1, Math.floor(big / 5));
      const carriedOver = sparse(small);
      const carriedIn = opts.carriedIn?.[col] ?? Math.min(total + carriedOver, sparse(small));
      // received + carried_in = total + carried_over; when chaining years, grow the granted cases to make room.
      let received = total + carriedOver - carriedIn;
      if (received < 0) {
        cells.set('apply.granted', (cells.get('apply.granted') ?? 0) - received);
        total -= received;
        received = 0;
      }
      cells.set('apply.received', received);
      cells.set('apply.carried_in', carriedIn);
      cells.set('apply.total', total);
      cells.set('apply.carried_over', carriedOver);
      for (const [row, v] of cells) {
        values[`${row}.${col}`] = v;
        rowTotals.set(row, (rowTotals.get(row) ?? 0) + v);
      }
    }
    for (const [row, total] of rowTotals) values[`${row}.total`] = total;
    for (const group of ['review', 'litigation.direct', 'litigation.after_review']) {
      let total = 0;
      for (const k of ['upheld', 'corrected', 'other', 'pending']) {
        const v = sparse(5);
        values[`${group}.${k}`] = v;
        total += v;
      }
      values[`${group}.total`] = total;
    }
  }
  return { format: opts.format, year, issuer: opts.issuer ?? '示范县人民政府办公室', hasTable: true, values };
}
