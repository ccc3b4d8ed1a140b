/** @jsxImportSource hono/jsx */
/**
 * What the portal's online application (src/web/pages/apply.tsx) and the console's 登记新申请
 * (src/web/console/register-case.tsx) share: the 条例第二十九条 fields of the applicant and of the information
 * asked for, the file inputs for 身份证明 / 授权委托书 / other materials (checked in src/cases/attachments.ts),
 * and reading a parsed multipart body back into typed-in values and files. A refused form is drawn again
 * from the values; files cannot be given back to a browser, so the form says which were not kept.
 */
import {
  ACCEPT_ATTRIBUTE,
  ACCEPTED_NAMES,
  type ApplicantFile,
  MAX_APPLICANT_FILE_BYTES,
  MAX_APPLICANT_FILES,
  MAX_APPLICANT_TOTAL_BYTES,
} from '../../cases/attachments.ts';
import type { CaseAttachmentKind } from '../../db/schema/cases.ts';

export const APPLICANT_TYPES: [string, string][] = [
  ['natural_person', '公民（自然人）'],
  ['commercial', '法人或其他组织：商业企业'],
  ['research', '法人或其他组织：科研机构'],
  ['nonprofit', '法人或其他组织：社会公益组织'],
  ['legal_service', '法人或其他组织：法律服务机构'],
  ['other_org', '法人或其他组织：其他'],
];

/** 所需政府信息的形式要求 (条例第二十九条第二款第三项). */
export const FORMS_WANTED = ['电子', '纸质', '邮寄', '电子邮件', '自行领取'];

/** The form's file inputs: one per kind of material, each taking several files. */
export const FILE_INPUTS: { name: string; kind: CaseAttachmentKind; label: string }[] = [
  { name: 'identityFiles', kind: 'identity', label: '身份证明（身份证件、营业执照等的扫描件或照片）' },
  { name: 'authorizationFiles', kind: 'authorization', label: '授权委托书（委托他人代为申请的）' },
  { name: 'supportingFiles', kind: 'supporting', label: '其他证明材料' },
];

const mb = (n: number) => n / 1024 / 1024;

/** The typed-in fields (the first value of each) and the chosen files of a body parsed with `{ all: true }`. */
export async function readApplicationForm(
  body: Record<string, unknown>,
): Promise<{ values: Record<string, string>; files: ApplicantFile[] }> {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    const first = Array.isArray(v) ? v.find((x) => typeof x === 'string') : v;
    if (typeof first === 'string') values[k] = first;
  }
  const files: { kind: CaseAttachmentKind; file: File }[] = [];
  for (const input of FILE_INPUTS) {
    const sent = body[input.name];
    for (const f of Array.isArray(sent) ? sent : [sent]) {
      // A file input left empty still sends a part, with no name and no bytes.
      if (f instanceof File && (f.name !== '' || f.size > 0)) files.push({ kind: input.kind, file: f });
    }
  }
  return {
    values,
    files: await Promise.all(
      files.map(async ({ kind, file }) => ({
        kind,
        filename: file.name,
        declaredType: file.type,
        content: new Uint8Array(await file.arrayBuffer()),
      })),
    ),
  };
}

/** The refused form's files, named, with the request to choose them again. */
export const UnsavedFiles = (props: { files: readonly ApplicantFile[] }) =>
  props.files.length ? (
    <p class="error" id="files-unsaved">
      您选择的附件（{props.files.map((f) => f.filename).join('、')}
      ）未保存，请重新选择后提交。其他已填写的内容已保留。
    </p>
  ) : null;

/** Field name → message: what the action refused (AppError details.fields), shown beside each field. */
export type FieldErrors = Record<string, string>;

/** The field messages of a refusal, or, without them, its one message under the form's own key. */
export function fieldErrorsOf(error: { message: string; details?: unknown }): FieldErrors {
  const fields = (error.details as { fields?: FieldErrors } | undefined)?.fields;
  return fields && Object.keys(fields).length ? fields : { form: error.message };
}

/** The message beside a field, tied to it by aria-describedby. */
export const FieldError = (props: { errors?: FieldErrors; name: string }) =>
  props.errors?.[props.name] ? (
    <p class="error field-error" id={`${props.name}-error`}>
      {props.errors[props.name]}
    </p>
  ) : null;

/** The attributes that mark a field wrong and point at its message. */
export const invalid = (errors: FieldErrors | undefined, name: string, hint?: string) =>
  errors?.[name]
    ? { 'aria-invalid': 'true' as const, 'aria-describedby': [`${name}-error`, hint].filter(Boolean).join(' ') }
    : hint
      ? { 'aria-describedby': hint }
      : {};

/**
 * 请修改以下内容: each wrong field named in the form's words, linked to it, above the form (a refusal without
 * field messages shows its one message).
 */
export const ErrorSummary = (props: { errors?: FieldErrors; labels: Record<string, string> }) => {
  const entries = Object.entries(props.errors ?? {});
  if (!entries.length) return null;
  return (
    <div class="error" role="alert" id="error-summary">
      {entries.length === 1 && entries[0][0] === 'form' ? (
        <p>{entries[0][1]}</p>
      ) : (
        <>
          <p>请修改以下内容后重新提交（已填写的内容已保留）：</p>
          <ul>
            {entries.map(([field, message]) => (
              <li>
                {props.labels[field] ? (
                  <a href={`#${field === 'contact' ? 'phone' : field}`}>{props.labels[field]}</a>
                ) : null}
                {props.labels[field] ? '：' : ''}
                {message}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
};

/**
 * The same applicant asked the same agency for the same information on `receivedOn` (src/cases/duplicates.ts):
 * said before filing again, with a box to confirm that this is a new application.
 */
export const DuplicateHint = (props: { receivedOn?: string; who: string }) =>
  props.receivedOn ? (
    <div class="error" role="alert" id="duplicate-hint">
      <p>
        {props.who}已于 {props.receivedOn}{' '}
        向同一行政机关提交过内容相同的申请，该申请正在办理或已办结，一般无需重复提交。可凭查询码查询办理进度。
      </p>
      <label>
        <input type="checkbox" name="confirmDuplicate" value="1" required /> 这是一份新的申请，确认再次提交
      </label>
    </div>
  ) : null;

/** 申请人信息: type, name, 身份证件号码或统一社会信用代码, and at least one way to reach the applicant. */
export const ApplicantFieldset = (props: {
  values: Record<string, string>;
  idRequired: boolean;
  idHint?: string;
  errors?: FieldErrors;
}) => {
  const v = props.values;
  const e = props.errors;
  return (
    <fieldset>
      <legend>申请人信息</legend>
      <label for="applicantType">申请人类型 *</label>
      <select id="applicantType" name="applicantType" required {...invalid(e, 'applicantType')}>
        {APPLICANT_TYPES.map(([value, label]) => (
          <option value={value} selected={v.applicantType === value}>
            {label}
          </option>
        ))}
      </select>
      <FieldError errors={e} name="applicantType" />
      <label for="applicantName">姓名或名称 *</label>
      <input
        id="applicantName"
        name="applicantName"
        type="text"
        required
        maxlength={200}
        value={v.applicantName ?? ''}
        {...invalid(e, 'applicantName')}
      />
      <FieldError errors={e} name="applicantName" />
      <label for="idNumber">身份证件号码或统一社会信用代码{props.idRequired ? ' *' : ''}</label>
      <input
        id="idNumber"
        name="idNumber"
        type="text"
        required={props.idRequired}
        maxlength={40}
        autocomplete="off"
        value={v.idNumber ?? ''}
        {...invalid(e, 'idNumber', 'idNumber-hint')}
      />
      <FieldError errors={e} name="idNumber" />
      <p class="hint" id="idNumber-hint">
        公民填写居民身份证号码（18位，或15位旧号码；无身份证的填写护照等证件号码）；法人或其他组织填写18位统一社会信用代码。
        {props.idHint ?? ''}
      </p>
      <label for="phone">联系电话</label>
      <input
        id="phone"
        name="phone"
        type="tel"
        maxlength={40}
        autocomplete="tel"
        value={v.phone ?? ''}
        {...invalid(e, 'phone', 'phone-hint')}
      />
      <FieldError errors={e} name="phone" />
      <p class="hint" id="phone-hint">
        11位手机号码，或带区号的固定电话（如 0755-12345678）。
      </p>
      <label for="email">电子邮箱</label>
      <input
        id="email"
        name="email"
        type="email"
        maxlength={200}
        autocomplete="email"
        value={v.email ?? ''}
        {...invalid(e, 'email')}
      />
      <FieldError errors={e} name="email" />
      <label for="address">通信地址</label>
      <input
        id="address"
        name="address"
        type="text"
        maxlength={300}
        autocomplete="street-address"
        value={v.address ?? ''}
        {...invalid(e, 'address')}
      />
      <FieldError errors={e} name="address" />
      <p class="hint" id="contact-hint">
        联系电话、电子邮箱、通信地址至少填写一项。
      </p>
      <FieldError errors={e} name="contact" />
    </fieldset>
  );
};

/** 所需政府信息: the agency asked, the description, and the form wanted. */
export const InformationFieldset = (props: {
  values: Record<string, string>;
  agencies: readonly { id: number; name: string }[];
  agencyLabel: string;
  errors?: FieldErrors;
}) => {
  const v = props.values;
  const e = props.errors;
  return (
    <fieldset>
      <legend>所需政府信息</legend>
      <label for="agencyId">{props.agencyLabel} *</label>
      <select id="agencyId" name="agencyId" required {...invalid(e, 'agencyId')}>
        {props.agencies.map((a) => (
          <option value={String(a.id)} selected={v.agencyId === String(a.id)}>
            {a.name}
          </option>
        ))}
      </select>
      <FieldError errors={e} name="agencyId" />
      <label for="subject">所需政府信息的名称、文号或者便于查询的其他特征性描述 *</label>
      <textarea id="subject" name="subject" required maxlength={5000} {...invalid(e, 'subject')}>
        {v.subject ?? ''}
      </textarea>
      <FieldError errors={e} name="subject" />
      <label for="formWanted">所需政府信息的形式要求 *</label>
      <select id="formWanted" name="formWanted" {...invalid(e, 'formWanted')}>
        {FORMS_WANTED.map((f) => (
          <option value={f} selected={v.formWanted === f}>
            {f}
          </option>
        ))}
      </select>
      <FieldError errors={e} name="formWanted" />
    </fieldset>
  );
};

/** 申请材料（附件）: one file input per kind, with the types and limits of src/cases/attachments.ts. */
export const FilesFieldset = (props: { note: string }) => (
  <fieldset>
    <legend>申请材料（附件）</legend>
    <p class="hint" id="files-hint">
      {`可上传 ${ACCEPTED_NAMES} 格式的文件，最多${MAX_APPLICANT_FILES}个，每个不超过${mb(MAX_APPLICANT_FILE_BYTES)}MB，`}
      {`合计不超过${mb(MAX_APPLICANT_TOTAL_BYTES)}MB。${props.note}`}
    </p>
    {FILE_INPUTS.map((f) => (
      <>
        <label for={f.name}>{f.label}</label>
        <input id={f.name} name={f.name} type="file" accept={ACCEPT_ATTRIBUTE} multiple aria-describedby="files-hint" />
      </>
    ))}
  </fieldset>
);
