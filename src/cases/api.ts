/**
 * The JSON API of 依申请公开, a Hono sub-app the web mounts (`app.route('/api/cases', casesApi(deps))`). Every
 * route validates with zod and calls one action or query; the actions check the user's agency access. The
 * user comes from the context variable `user`; errors are AppErrors, mapped to statuses by the web's one
 * handler. Public: filing an application (without a user) and tracking it by its code.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { subtreeIds } from '../agencies/tree.ts';
import { parseInput, signedInUser } from '../api-input.ts';
import { can, requirePermission, type SessionUser } from '../auth/roles.ts';
import { appealKinds } from '../db/schema/cases.ts';
import { AppError } from '../errors.ts';
import { downloadHeaders } from '../files.ts';
import { answerAssist, answerAssistSchema } from './actions/answer-assist.ts';
import { correctReply } from './actions/correct-reply.ts';
import { decideAppeal } from './actions/decide-appeal.ts';
import { endConsultation } from './actions/end-consultation.ts';
import { extendDeadline } from './actions/extend-deadline.ts';
import { lapseCorrection } from './actions/lapse-correction.ts';
import { lapseFee } from './actions/lapse-fee.ts';
import { readAttachment } from './actions/read-attachment.ts';
import { applicationSchema, receiveApplication } from './actions/receive-application.ts';
import { receiveCorrection } from './actions/receive-correction.ts';
import { recordAppeal } from './actions/record-appeal.ts';
import { recordConsultationReceipt } from './actions/record-consultation-receipt.ts';
import { recordDelivery } from './actions/record-delivery.ts';
import { recordDeliverySigned } from './actions/record-delivery-signed.ts';
import { recordFeeNoticeReceipt } from './actions/record-fee-notice-receipt.ts';
import { recordPayment } from './actions/record-payment.ts';
import { replyToApplication } from './actions/reply.ts';
import { requestAssist, requestAssistSchema } from './actions/request-assist.ts';
import { requestCorrection } from './actions/request-correction.ts';
import { returnTransfer, returnTransferSchema } from './actions/return-transfer.ts';
import { saveDocumentTemplate } from './actions/save-document-template.ts';
import { sendFeeNotice } from './actions/send-fee-notice.ts';
import { setReasonablePeriod } from './actions/set-reasonable-period.ts';
import { signForCase } from './actions/sign-for-case.ts';
import { startConsultation } from './actions/start-consultation.ts';
import { transferCase, transferCaseSchema } from './actions/transfer-case.ts';
import { withdrawApplication } from './actions/withdraw.ts';
import { listCaseAttachments, withoutFilenames } from './attachments.ts';
import { buildCaseDocument, DOCUMENT_HTML_CSP, documentDocx, documentHtml } from './documents/render.ts';
import { documentTemplateOf } from './documents/template-version.ts';
import { documentKinds } from './documents/templates.ts';
import { ACTION_EVENTS, type CaseEventListener } from './notify-events.ts';
import { caseDetail, inbox, maskApplicant, trackApplication } from './queries.ts';
import { computeCaseSections, drillDown } from './report-sections.ts';
import type { CaseDeps } from './transition.ts';

export interface CasesEnv {
  Variables: { user: SessionUser | null };
}

const id = z.coerce.number().int().positive();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const base = z.object({ expectedVersion: z.number().int().positive().optional() });

async function body(c: { req: { json(): Promise<unknown> } }): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    return {};
  }
}

/** The case actions reachable as `POST /:id/<path>`, each with its input schema. */
const ACTIONS = {
  'request-correction': {
    schema: base.extend({ deadline: day, what: z.string().trim().min(2).max(2000) }),
    run: requestCorrection,
  },
  'receive-correction': { schema: base.extend({ receivedOn: day.optional() }), run: receiveCorrection },
  'lapse-correction': { schema: base, run: lapseCorrection },
  'start-consultation': {
    schema: base.extend({
      kind: z.enum(['third_party', 'agency']),
      party: z.string().trim().min(1).max(200),
      sentOn: day.optional(),
      partyReceivedOn: day.optional(),
    }),
    run: startConsultation,
  },
  'consultation-receipt': {
    schema: base.extend({ consultationId: id, receivedOn: day }),
    run: recordConsultationReceipt,
  },
  'end-consultation': {
    schema: base.extend({ answeredOn: day.optional(), consultationId: id.optional() }),
    run: endConsultation,
  },
  extend: {
    schema: base.extend({
      reason: z.string().trim().min(2).max(2000),
      days: z.number().int().min(1).max(20).optional(),
      notifiedOn: day.optional(),
    }),
    run: extendDeadline,
  },
  'reasonable-period': {
    schema: base.extend({ dueOn: day, reason: z.string().trim().min(2).max(2000), notifiedOn: day.optional() }),
    run: setReasonablePeriod,
  },
  'fee-notice': {
    schema: base.extend({
      basis: z.discriminatedUnion('mode', [
        z.object({
          mode: z.literal('count'),
          priorInMonth: z.number().int().min(0),
          count: z.number().int().min(1).max(10_000),
        }),
        z.object({ mode: z.literal('pages'), pages: z.number().int().min(1).max(1_000_000) }),
      ]),
      noticeReceivedOn: day.optional(),
    }),
    run: sendFeeNotice,
  },
  'fee-notice-receipt': { schema: base.extend({ receivedOn: day }), run: recordFeeNoticeReceipt },
  payment: { schema: base.extend({ paidOn: day.optional() }), run: recordPayment },
  'lapse-fee': { schema: base, run: lapseFee },
  reply: {
    schema: base.extend({
      outcome: z.string().min(1).max(60),
      text: z.string().max(20_000).optional(),
      repliedOn: day.optional(),
    }),
    run: replyToApplication,
  },
  'correct-reply': {
    schema: base.extend({
      outcome: z.string().min(1).max(60),
      text: z.string().max(20_000).optional(),
      reason: z.string().max(2000),
    }),
    run: correctReply,
  },
  withdraw: { schema: base.extend({ reason: z.string().max(2000).optional() }), run: withdrawApplication },
  delivery: {
    schema: base.extend({
      method: z.string().min(1).max(40),
      sentOn: day,
      trackingNumber: z.string().max(40).optional(),
      signedOn: day.optional(),
    }),
    run: recordDelivery,
  },
  'delivery-signed': { schema: base.extend({ deliveryId: id, signedOn: day }), run: recordDeliverySigned },
  transfer: { schema: base.extend(transferCaseSchema.shape), run: transferCase },
  'sign-for': { schema: base.extend({ signedOn: day.optional() }), run: signForCase },
  'return-transfer': { schema: base.extend(returnTransferSchema.shape), run: returnTransfer },
  'request-assist': { schema: base.extend(requestAssistSchema.shape), run: requestAssist },
} as const;

/**
 * @example
 * app.route('/api/cases', casesApi({ db, clock: systemClock }));
 * // POST /api/cases/42/extend {"reason":"需调取档案"} → the updated case
 */
export function casesApi(deps: CaseDeps & { onCaseEvent?: CaseEventListener }) {
  const app = new Hono<CasesEnv>();

  // Public: the portal files an application (no user) and the applicant tracks it.
  app.post('/', async (c) => {
    const user = c.get('user') ?? null;
    const application = parseInput(applicationSchema, await body(c));
    const row = await receiveApplication(deps, { user, application });
    deps.onCaseEvent?.(row.id, 'received');
    return c.json(
      user ? row : { id: row.id, trackingCode: row.trackingCode, dueOn: row.dueOn, dueProvisional: row.dueProvisional },
      201,
    );
  });

  app.get('/track/:code', async (c) => {
    const found = await trackApplication(deps.db, c.req.param('code'));
    if (!found) throw new AppError('not_found', '没有找到该查询码对应的申请');
    const { id: _id, agencyId: _agency, ...view } = found;
    return c.json(view);
  });

  // The inbox: open cases by due date, masked, with overdue and due-soon derived (?only=overdue|due_soon).
  app.get('/', async (c) => {
    const user = signedInUser(c);
    const q = parseInput(
      z.object({
        agency: id.optional(),
        limit: z.coerce.number().int().min(1).max(500).default(200),
        only: z.enum(['overdue', 'due_soon']).optional(),
      }),
      c.req.query(),
    );
    const agencyId = q.agency ?? user.agencyId;
    requirePermission(user, 'case.read', agencyId);
    const ids = await subtreeIds(deps.db, agencyId);
    const scope = user.scope === 'all' ? ids : ids.filter((x) => (user.scope as readonly number[]).includes(x));
    const rows = await inbox(deps.db, scope, deps.clock.today(), q.limit);
    // The inbox is ordered by due date, so overdue cases come first and the due-soon ones right after.
    return c.json(q.only ? rows.filter((r) => (q.only === 'overdue' ? r.overdue : r.dueSoon)) : rows);
  });

  app.get('/:id{[0-9]+}', async (c) => {
    const user = signedInUser(c);
    const detail = await caseDetail(deps.db, Number(c.req.param('id')));
    requirePermission(user, 'case.read', detail.case.agencyId);
    const handles = can(user, 'case.handle', detail.case.agencyId);
    // Reviewers and supervisors read the case, not the applicant's numbers: only its handlers see them whole.
    return c.json(
      handles
        ? detail
        : { ...detail, case: maskApplicant(detail.case), attachments: withoutFilenames(detail.attachments) },
    );
  });

  // The applicant's files: listed to whoever may read the case (names only to its handlers); the bytes only
  // to staff handling the case's agency.
  app.get('/:id{[0-9]+}/attachments', async (c) => {
    const user = signedInUser(c);
    const detail = await caseDetail(deps.db, Number(c.req.param('id')));
    requirePermission(user, 'case.read', detail.case.agencyId);
    const list = await listCaseAttachments(deps.db, detail.case.id);
    return c.json(can(user, 'case.handle', detail.case.agencyId) ? list : withoutFilenames(list));
  });

  app.get('/:id{[0-9]+}/attachments/:attachment{[0-9]+}', async (c) => {
    const user = signedInUser(c);
    const file = await readAttachment(deps, {
      user,
      caseId: Number(c.req.param('id')),
      attachmentId: Number(c.req.param('attachment')),
    });
    return c.body(file.content, 200, downloadHeaders(file));
  });

  for (const [path, action] of Object.entries(ACTIONS)) {
    app.post(`/:id{[0-9]+}/${path}`, async (c) => {
      const user = signedInUser(c);
      const input = parseInput(action.schema as z.ZodType<Record<string, unknown>>, await body(c));
      const run = action.run as unknown as (d: CaseDeps, i: Record<string, unknown>) => Promise<unknown>;
      const result = await run(deps, { ...input, user, caseId: Number(c.req.param('id')) });
      const told = ACTION_EVENTS[path];
      if (told) deps.onCaseEvent?.(Number(c.req.param('id')), told.event, told.extra?.(input));
      return c.json(result);
    });
  }

  app.post('/:id{[0-9]+}/appeals', async (c) => {
    const user = signedInUser(c);
    const input = parseInput(z.object({ kind: z.enum(appealKinds), filedOn: day }), await body(c));
    return c.json(await recordAppeal(deps, { user, caseId: Number(c.req.param('id')), ...input }), 201);
  });

  app.post('/appeals/:appeal{[0-9]+}/decide', async (c) => {
    const user = signedInUser(c);
    const input = parseInput(
      z.object({ outcome: z.enum(['upheld', 'corrected', 'other']), decidedOn: day }),
      await body(c),
    );
    return c.json(await decideAppeal(deps, { user, appealId: Number(c.req.param('appeal')), ...input }));
  });

  // 协办答复 by the agency asked (POST /api/cases/assists/7/answer {"answer":"…"}).
  app.post('/assists/:assist{[0-9]+}/answer', async (c) => {
    const user = signedInUser(c);
    const input = parseInput(answerAssistSchema, await body(c));
    return c.json(await answerAssist(deps, { user, assistId: Number(c.req.param('assist')), ...input }));
  });

  // 受理回执, 补正告知书 … and the 答复书, as printable HTML or DOCX.
  app.get('/:id{[0-9]+}/documents/:kind', async (c) => {
    const user = signedInUser(c);
    const [kindName, ext = 'html'] = c.req.param('kind').split(/\.(?=html$|docx$)/);
    const kind = parseInput(z.enum([...documentKinds, 'reply']), kindName);
    const doc = await buildCaseDocument(deps.db, {
      caseId: Number(c.req.param('id')),
      kind,
      today: deps.clock.today(),
      user,
    });
    if (ext === 'docx') {
      return c.body(new Uint8Array(await documentDocx(doc)), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`${doc.title}.docx`)}`,
      });
    }
    return c.html(documentHtml(doc), 200, { 'content-security-policy': DOCUMENT_HTML_CSP });
  });

  app.get('/templates/:agency{[0-9]+}/:kind', async (c) => {
    const user = signedInUser(c);
    const kind = parseInput(z.enum(documentKinds), c.req.param('kind'));
    const agencyId = Number(c.req.param('agency'));
    requirePermission(user, 'case.read', agencyId);
    return c.json(await documentTemplateOf(deps.db, agencyId, kind));
  });

  app.put('/templates/:agency{[0-9]+}/:kind', async (c) => {
    const user = signedInUser(c);
    const kind = parseInput(z.enum(documentKinds), c.req.param('kind'));
    const input = parseInput(
      z.object({
        title: z.string().min(1).max(100),
        body: z.string().min(10).max(20_000),
        version: z.string().min(1, '请带上读取模板时得到的 version').max(40),
      }),
      await body(c),
    );
    return c.json(await saveDocumentTemplate(deps, { user, agencyId: Number(c.req.param('agency')), kind, ...input }));
  });

  // Sections 三 and 四 computed for an agency (or its subtree) and a year, and a cell's cases.
  const sectionQuery = z.object({
    agency: id,
    year: z.coerce.number().int().min(2008).max(2100),
    subtree: z.enum(['0', '1']).default('1'),
  });
  const scopeOf = async (user: SessionUser, q: z.output<typeof sectionQuery>) => {
    requirePermission(user, 'case.read', q.agency);
    return q.subtree === '1' ? await subtreeIds(deps.db, q.agency) : [q.agency];
  };
  app.get('/sections', async (c) => {
    const user = signedInUser(c);
    const q = parseInput(sectionQuery, c.req.query());
    return c.json(await computeCaseSections(deps.db, { agencyIds: await scopeOf(user, q), year: q.year }));
  });
  app.get('/sections/drill', async (c) => {
    const user = signedInUser(c);
    const q = parseInput(sectionQuery.extend({ key: z.string().regex(/^apply\.[a-z_.]+$/) }), c.req.query());
    const ids = await drillDown(deps.db, { agencyIds: await scopeOf(user, q), year: q.year, key: q.key });
    return c.json({ key: q.key, count: ids.length, caseIds: ids });
  });

  return app;
}
