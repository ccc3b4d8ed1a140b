/** @jsxImportSource hono/jsx */
/**
 * 登记新申请 in the console: staff register an application that came 当面, by 信函, 传真 or 电子邮件 (条例第二十九条
 * fields, as on the portal's form), with its channel and the day it was received (条例第三十一条), from which
 * the 20 working days run (第三十三条). Scans of the letter and the applicant's 身份证明 / 授权委托书 are taken
 * with the same types and limits as the portal's. The route reads the multipart form and calls
 * receiveApplication, the action the portal and the JSON API call; a refused form comes back with what was
 * typed. Only agencies the user may handle cases for are offered, and the action checks it again.
 */
import { asc, inArray } from 'drizzle-orm';
import type { Context, Hono } from 'hono';
import { can } from '../../auth/roles.ts';
import { receiveApplication } from '../../cases/actions/receive-application.ts';
import { APPLICATION_FIELD_LABELS } from '../../cases/application-check.ts';
import type { ApplicantFile } from '../../cases/attachments.ts';
import { earlierApplication } from '../../cases/duplicates.ts';
import type { CaseEventListener } from '../../cases/notify-events.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { agencies } from '../../db/schema/agencies.ts';
import type { Channel } from '../../db/schema/cases.ts';
import { AppError } from '../../errors.ts';
import { requireUser } from '../auth.tsx';
import {
  ApplicantFieldset,
  DuplicateHint,
  ErrorSummary,
  type FieldErrors,
  FilesFieldset,
  fieldErrorsOf,
  InformationFieldset,
  readApplicationForm,
  UnsavedFiles,
} from '../components/application-form.tsx';
import type { AppEnv, SessionUser } from '../env.ts';
import { Csrf, consolePage } from './shell.tsx';

/** The ways in staff register, with the day 条例第三十一条 counts as the day of receipt. */
export const REGISTER_CHANNELS: { value: Channel; label: string; receivedOn: string }[] = [
  { value: 'in_person', label: '当面提交', receivedOn: '以提交之日为收到申请之日' },
  {
    value: 'post',
    label: '信函（邮寄）',
    receivedOn: '以行政机关签收之日为收到申请之日；平常信函等无需签收的，以与申请人确认之日为收到申请之日',
  },
  { value: 'fax', label: '传真', receivedOn: '以双方确认之日为收到申请之日' },
  { value: 'email', label: '电子邮件', receivedOn: '以双方确认之日为收到申请之日' },
  { value: 'online', label: '其他互联网渠道', receivedOn: '以双方确认之日为收到申请之日' },
];

/** The agencies `user` may register applications for (case.handle), in tree order. */
async function agenciesFor(db: Db, user: SessionUser) {
  const rows = await db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(user.scope === 'all' ? undefined : inArray(agencies.id, [...user.scope]))
    .orderBy(asc(agencies.path))
    .limit(1000);
  return rows.filter((a) => can(user, 'case.handle', a.id));
}

export function consoleRegisterCase(deps: {
  db: Db;
  clock: Clock;
  site: string;
  /** Tells the applicant (src/notify) once the application is stored; works in the background. */
  onCaseEvent?: CaseEventListener;
}) {
  const act = { db: deps.db, clock: deps.clock };

  const form = async (
    c: Context<AppEnv>,
    user: SessionUser,
    error?: { errors: FieldErrors; status: 400 | 422 },
    values: Record<string, string> = {},
    unsaved: readonly ApplicantFile[] = [],
    /** The day the same applicant asked for the same information before (src/cases/duplicates.ts). */
    duplicateOf?: string,
  ) => {
    const list = await agenciesFor(deps.db, user);
    if (!list.length) throw new AppError('forbidden', '您没有登记政府信息公开申请的权限');
    const today = deps.clock.today();
    const shown = { agencyId: String(user.agencyId), channel: 'in_person', receivedOn: today, ...values };
    return consolePage(
      c,
      deps.site,
      '登记新申请',
      <>
        <h1>登记新申请</h1>
        <p class="hint">
          登记当面、信函、传真、电子邮件等方式提交的政府信息公开申请（《中华人民共和国政府信息公开条例》第二十九条）。答复期限自收到申请之日起计算（第三十一条、第三十三条）；申请内容不明确或缺少身份证明的，可在登记后告知补正（第三十条）。带
          * 的为必填项。
        </p>
        <ErrorSummary errors={error?.errors} labels={APPLICATION_FIELD_LABELS} />
        <UnsavedFiles files={unsaved} />
        <form method="post" action="/console/cases/new" enctype="multipart/form-data">
          <Csrf c={c} />
          <DuplicateHint receivedOn={duplicateOf} who="该申请人" />
          <fieldset>
            <legend>收到申请</legend>
            <label for="channel">提交方式 *</label>
            <select id="channel" name="channel" required aria-describedby="channel-hint">
              {REGISTER_CHANNELS.map((ch) => (
                <option value={ch.value} selected={shown.channel === ch.value}>
                  {ch.label}
                </option>
              ))}
            </select>
            <ul class="hint" id="channel-hint">
              {REGISTER_CHANNELS.filter((ch) => ch.value !== 'online').map((ch) => (
                <li>
                  {ch.label}：{ch.receivedOn}
                </li>
              ))}
            </ul>
            <label for="receivedOn">收到申请日期 *</label>
            <input
              id="receivedOn"
              name="receivedOn"
              type="date"
              required
              max={today}
              value={shown.receivedOn}
              {...(error?.errors.receivedOn ? { 'aria-invalid': 'true', 'aria-describedby': 'receivedOn-error' } : {})}
            />
            {error?.errors.receivedOn ? (
              <p class="error field-error" id="receivedOn-error">
                {error.errors.receivedOn}
              </p>
            ) : null}
          </fieldset>
          <ApplicantFieldset
            values={shown}
            idRequired={false}
            idHint="申请未载明身份证明的，可不填，登记后依第三十条告知补正。"
            errors={error?.errors}
          />
          <InformationFieldset values={shown} agencies={list} agencyLabel="受理机关" errors={error?.errors} />
          <FilesFieldset note="可上传信函、传真件的扫描件和申请人提交的证明材料。" />
          <p>
            <button type="submit">登记</button>
          </p>
        </form>
      </>,
      error?.status ?? (duplicateOf ? 409 : 200),
    );
  };

  return (app: Hono<AppEnv>) => {
    app.get('/console/cases/new', (c) => form(c, requireUser(c)));

    app.post('/console/cases/new', async (c) => {
      const user = requireUser(c);
      // The CSRF check parsed the body already; Hono keeps the parsed form, so this reads it from memory.
      const { values, files } = await readApplicationForm(await c.req.parseBody({ all: true }));
      const application = {
        agencyId: Number(values.agencyId),
        applicantType: values.applicantType as never,
        applicantName: values.applicantName ?? '',
        idNumber: values.idNumber || undefined,
        phone: values.phone || undefined,
        email: values.email || undefined,
        address: values.address || undefined,
        channel: values.channel as never,
        receivedOn: values.receivedOn || undefined,
        subject: values.subject ?? '',
        formWanted: values.formWanted || '电子',
      };
      try {
        const earlier =
          values.confirmDuplicate === '1'
            ? null
            : await earlierApplication(
                deps.db,
                { application, attachments: files, idRequired: false },
                deps.clock.today(),
              );
        if (earlier) return form(c, user, undefined, values, files, earlier);
        const created = await receiveApplication(act, { user, application, attachments: files });
        deps.onCaseEvent?.(created.id, 'received');
        return c.redirect(`/console/cases/${created.id}`, 303);
      } catch (error) {
        if (error instanceof AppError && (error.code === 'bad_input' || error.code === 'calendar_missing')) {
          const status = error.code === 'bad_input' ? 400 : 422;
          return form(c, user, { errors: fieldErrorsOf(error), status }, values, files);
        }
        throw error;
      }
    });
  };
}
