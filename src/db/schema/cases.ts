/**
 * 依申请公开: applications (cases), their consultation pauses, and the 行政复议 / 行政诉讼 they led to. The
 * timeline of a case is its audit events (entity_type 'case'); due dates are stored with their explanation
 * and recomputed on every change; overdue is derived, never stored.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { caseEventKinds } from '../../law/case-events.ts';
import { agencies } from './agencies.ts';
import { users } from './auth.ts';
import { bytea } from './columns.ts';

export const applicantTypes = [
  'natural_person',
  'commercial',
  'research',
  'nonprofit',
  'legal_service',
  'other_org',
] as const;
export type ApplicantType = (typeof applicantTypes)[number];

/** 条例第三十一条: how the application arrived (it fixes the day of receipt). */
export const channels = ['in_person', 'post', 'online', 'email', 'fax'] as const;
export type Channel = (typeof channels)[number];

export const caseStates = [
  'received',
  'awaiting_correction',
  'consulting',
  'awaiting_fee',
  'replied',
  'withdrawn',
] as const;
export type CaseState = (typeof caseStates)[number];

export const cases = pgTable(
  'cases',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    /** Given to the applicant on the receipt: looks up status on the portal. */
    trackingCode: text('tracking_code').notNull().unique(),
    regime: text('regime', { enum: ['2019', '2007'] }).notNull(),
    applicantType: text('applicant_type', { enum: applicantTypes }).notNull(),
    applicantName: text('applicant_name').notNull(),
    idNumber: text('id_number'),
    phone: text('phone'),
    email: text('email'),
    address: text('address'),
    channel: text('channel', { enum: channels }).notNull(),
    receivedOn: date('received_on').notNull(),
    /** The information asked for (名称、文号或特征描述). */
    subject: text('subject').notNull(),
    /** 形式要求: 纸质 / 电子 / 邮寄 / 电子邮件 / 自行领取. */
    formWanted: text('form_wanted').notNull().default('电子'),
    state: text('state', { enum: caseStates }).notNull().default('received'),
    correctionRequestedOn: date('correction_requested_on'),
    /** The date the agency gave the applicant for the 补正. */
    correctionDeadline: date('correction_deadline'),
    correctionReceivedOn: date('correction_received_on'),
    extended: boolean('extended').notNull().default(false),
    extensionApprovedBy: integer('extension_approved_by').references(() => users.id),
    extendedOn: date('extended_on'),
    /** The extension approved, in working days (第三十三条第二款: at most 20; 2007: 15); null before this column. */
    extensionDays: integer('extension_days'),
    /** The day the applicant was told of the extension (第三十三条第二款 “并告知申请人”). */
    extensionNotifiedOn: date('extension_notified_on'),
    feeYuan: numeric('fee_yuan', { mode: 'number' }),
    feeNoticeOn: date('fee_notice_on'),
    /** The applicant's receipt of the 收费通知: the 20 working days to pay run from the next day. */
    feeNoticeReceivedOn: date('fee_notice_received_on'),
    feeDueOn: date('fee_due_on'),
    feePaidOn: date('fee_paid_on'),
    /** 第三十五条: the reasonable later date the agency set for a large request, and the day it told the applicant. */
    reasonableDueOn: date('reasonable_due_on'),
    reasonableSetOn: date('reasonable_set_on'),
    reasonableReason: text('reasonable_reason'),
    dueOn: date('due_on').notNull(),
    firstDueOn: date('first_due_on').notNull(),
    dueExplanation: jsonb('due_explanation').$type<string[]>().notNull().default([]),
    /**
     * The due date reaches into a year whose holiday notice is not entered: counted on the provisional
     * calendar (src/law/statutory-holidays.ts), shown as 暂定, recomputed when the notice is entered.
     */
    dueProvisional: boolean('due_provisional').notNull().default(false),
    /** One statutory outcome (src/law/outcomes.ts) once replied or closed. */
    outcome: text('outcome'),
    outcomeBasis: text('outcome_basis'),
    replyText: text('reply_text'),
    closedOn: date('closed_on'),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    /** 承办人: the member of staff named to handle the case (the register's 承办人 column). */
    handlerId: integer('handler_id').references(() => users.id),
    /** 转办: the agency that sent the case here; with signedForOn null the case waits for 签收 (or 退回). */
    transferredFrom: integer('transferred_from').references(() => agencies.id),
    /** 签收: the day the receiving agency accepted a transferred case (src/cases/actions/sign-for-case.ts). */
    signedForOn: date('signed_for_on'),
    /** Optimistic concurrency: each change increments it. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('cases_agency_received_idx').on(t.agencyId, t.receivedOn),
    index('cases_agency_closed_idx').on(t.agencyId, t.closedOn),
    index('cases_open_due_idx').on(t.dueOn),
    check('cases_extension_days_check', sql`${t.extensionDays} is null or ${t.extensionDays} between 1 and 20`),
    index('cases_received_idx').on(t.receivedOn, t.id),
    index('cases_closed_idx').on(t.closedOn),
    /** Open cases by due date (the register's overdue filter and sort): the closed, most of the table, left out. */
    index('cases_open_idx').on(t.dueOn, t.id).where(sql`${t.state} not in ('replied', 'withdrawn')`),
  ],
);

/** 征求意见 (第三十二条 third party, 第三十四条 other agency): days from fromOn to toOn are not counted. */
export const casePauses = pgTable(
  'case_pauses',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind', { enum: ['third_party', 'agency'] }).notNull(),
    party: text('party').notNull(),
    /** The day the 征求意见书 was sent. */
    fromOn: date('from_on').notNull(),
    /** The consulted party's receipt of the letter: its 15 working days run from here (第三十二条, 第三十四条). */
    partyReceivedOn: date('party_received_on'),
    /** The day its answer arrived; null while the consultation is open. */
    toOn: date('to_on'),
    replyDueOn: date('reply_due_on').notNull(),
  },
  (t) => [index('case_pauses_case_idx').on(t.caseId)],
);

export const appealKinds = ['review', 'litigation_direct', 'litigation_after_review'] as const;
export const appealOutcomes = ['upheld', 'corrected', 'other', 'pending'] as const;

/** 行政复议 and 行政诉讼 about a case (annual report section 四). */
export const appeals = pgTable(
  'appeals',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    kind: text('kind', { enum: appealKinds }).notNull(),
    filedOn: date('filed_on').notNull(),
    outcome: text('outcome', { enum: appealOutcomes }).notNull().default('pending'),
    decidedOn: date('decided_on'),
  },
  (t) => [index('appeals_agency_filed_idx').on(t.agencyId, t.filedOn)],
);

/**
 * An agency's own wording of a notice or reply (受理回执, 补正告知书 …): template text with {{占位符}}. Without a
 * row the built-in text of src/cases/documents/templates.ts applies.
 */
export const caseDocumentTemplates = pgTable(
  'case_document_templates',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('case_document_templates_agency_kind_idx').on(t.agencyId, t.kind)],
);

/** What an applicant's file is: 身份证明, 授权委托书 (an agent's), supporting material, or other. */
export const caseAttachmentKinds = ['identity', 'authorization', 'supporting', 'other'] as const;
export type CaseAttachmentKind = (typeof caseAttachmentKinds)[number];

/**
 * Files the applicant handed in with the application (条例第二十九条: 身份证明, 授权委托书, 其他材料). Only staff
 * handling the case read the bytes; the applicant's tracking page shows the file names.
 */
export const caseAttachments = pgTable(
  'case_attachments',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind', { enum: caseAttachmentKinds }).notNull(),
    filename: text('filename').notNull(),
    /** Checked against the content (src/files.ts), never the browser's word alone. */
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    /** hex sha256 of content */
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('case_attachments_case_idx').on(t.caseId),
    check('case_attachments_kind_check', sql`${t.kind} in ('identity', 'authorization', 'supporting', 'other')`),
  ],
);

/**
 * 送达 (国办公开办函〔2016〕235号 as the issue quotes it: a reply goes by post, never 到付; the answer date is
 * the posting date; offices keep the EMS number and the signing date). How a reply reached the applicant.
 */
export const deliveryMethods = ['ems', 'registered_mail', 'in_person', 'email', 'online', 'fax'] as const;
export type DeliveryMethod = (typeof deliveryMethods)[number];
export const POSTAL_METHODS: readonly DeliveryMethod[] = ['ems', 'registered_mail'];

export const caseDeliveries = pgTable(
  'case_deliveries',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    method: text('method', { enum: deliveryMethods }).notNull(),
    /** The EMS or registered-mail number; required for the postal methods. */
    trackingNumber: text('tracking_number'),
    /** 交邮日期 (postal) or the day sent / handed over: for post it is the answer date. */
    sentOn: date('sent_on').notNull(),
    /** 签收日期: the applicant signed for it (postal, in person), when known. */
    signedOn: date('signed_on'),
    recordedBy: integer('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('case_deliveries_case_idx').on(t.caseId),
    check(
      'case_deliveries_method_check',
      sql`${t.method} in ('ems', 'registered_mail', 'in_person', 'email', 'online', 'fax')`,
    ),
    check(
      'case_deliveries_postal_tracking_check',
      sql`${t.method} not in ('ems', 'registered_mail') or ${t.trackingNumber} is not null`,
    ),
    check('case_deliveries_signed_check', sql`${t.signedOn} is null or ${t.signedOn} >= ${t.sentOn}`),
  ],
);

/** The letters a case issued to the applicant or a consulted party, each with its 文号 (issue #13). */
export const letterKinds = ['correction', 'extension', 'consultation', 'fee', 'reply', 'assist'] as const;
export type LetterKind = (typeof letterKinds)[number];

/**
 * 文书文号: one row per letter issued, never changed. The number is from the agency's sequence of the year
 * (case_letter_counters); a corrected reply is a new letter that names the one it replaces.
 */
export const caseLetters = pgTable(
  'case_letters',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    kind: text('kind', { enum: letterKinds }).notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    letterNo: text('letter_no').notNull(),
    issuedOn: date('issued_on').notNull(),
    /** A corrected reply: the letter it replaces (kept, never edited). */
    replacesId: integer('replaces_id'),
    issuedBy: integer('issued_by').references(() => users.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('case_letters_case_idx').on(t.caseId, t.kind),
    uniqueIndex('case_letters_number_idx').on(t.agencyId, t.year, t.seq),
    check(
      'case_letters_kind_check',
      sql`${t.kind} in ('correction', 'extension', 'consultation', 'fee', 'reply', 'assist')`,
    ),
  ],
);

/**
 * A case as its statutory events (src/law/case-events.ts): one row per fact, in order, never changed — the clock
 * is folded from them (src/cases/case-events.ts); the case row's clock columns are their projection.
 */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind', { enum: caseEventKinds }).notNull(),
    /** The statutory day of the event. */
    on: date('on').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: integer('actor_id').references(() => users.id),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('case_events_case_idx').on(t.caseId, t.id),
    check('case_events_kind_check', sql.raw(`kind in (${caseEventKinds.map((k) => `'${k}'`).join(', ')})`)),
  ],
);

/**
 * 协办: the handling agency asks another agency of the same government for help (a 协办函: what is needed, by
 * when); the other answers. Unlike 第三十四条's consultation of a co-maker, it does not stop the clock.
 */
export const caseAssists = pgTable(
  'case_assists',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    fromAgencyId: integer('from_agency_id')
      .notNull()
      .references(() => agencies.id),
    toAgencyId: integer('to_agency_id')
      .notNull()
      .references(() => agencies.id),
    request: text('request').notNull(),
    answerBy: date('answer_by').notNull(),
    sentOn: date('sent_on').notNull(),
    sentBy: integer('sent_by').references(() => users.id),
    answer: text('answer'),
    answeredOn: date('answered_on'),
    answeredBy: integer('answered_by').references(() => users.id),
  },
  (t) => [
    index('case_assists_case_idx').on(t.caseId),
    index('case_assists_to_idx').on(t.toAgencyId, t.answeredOn),
    check('case_assists_answer_check', sql`(${t.answer} is null) = (${t.answeredOn} is null)`),
  ],
);

/** The last 文号 sequence number of an agency's letters in a year; incremented in the issuing transaction. */
export const caseLetterCounters = pgTable(
  'case_letter_counters',
  {
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.year] })],
);

export type Case = typeof cases.$inferSelect;
export type CaseLetter = typeof caseLetters.$inferSelect;
export type CaseAssist = typeof caseAssists.$inferSelect;
export type CaseEventRow = typeof caseEvents.$inferSelect;
export type CaseDelivery = typeof caseDeliveries.$inferSelect;
export type CaseAttachment = typeof caseAttachments.$inferSelect;
export type CasePause = typeof casePauses.$inferSelect;
export type Appeal = typeof appeals.$inferSelect;
