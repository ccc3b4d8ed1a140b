/**
 * The checks an application passes before it is registered (条例第二十九条: the applicant's name, 身份证明 and
 * 联系方式; the information asked for), whichever way it came in. Every wrong field is named at once, so a form
 * can show each message beside its field: the refusal is one AppError('bad_input') whose details.fields maps
 * field names to messages (its message is the first of them).
 * The identifier must fit the applicant: a 公民 gives a 公民身份号码 (GB 11643, 18 characters with the check
 * character, or an old 15-digit number with a real birth date) or another 身份证件 (护照, 港澳台通行证); a 法人
 * or 其他组织 gives its 统一社会信用代码 (GB 32100, with its check character). Phone numbers and e-mail addresses
 * must be reachable in form (../identifiers/contact.ts). Identifiers are stored normalized (half-width, X in
 * upper case).
 */
import type { z } from 'zod';
import type { ApplicantType } from '../db/schema/cases.ts';
import { AppError } from '../errors.ts';
import { emailProblem, normalizePhone, phoneProblem } from '../identifiers/contact.ts';
import { creditCodeProblem } from '../identifiers/credit-code.ts';
import { idCardProblem, isValidIdCard, normalizeIdentifier } from '../identifiers/id-card.ts';

/** The form's words for each field, for a summary of what to correct. */
export const APPLICATION_FIELD_LABELS: Record<string, string> = {
  agencyId: '受理机关',
  applicantType: '申请人类型',
  applicantName: '姓名或名称',
  idNumber: '身份证件号码或统一社会信用代码',
  phone: '联系电话',
  email: '电子邮箱',
  address: '通信地址',
  contact: '联系方式',
  channel: '提交方式',
  receivedOn: '收到申请日期',
  subject: '所需政府信息',
  formWanted: '形式要求',
};

/** Field name → message, in the order the form shows the fields. */
export type FieldProblems = Record<string, string>;

/** Passports and the mainland travel permits of 港澳台 residents: one or two letters, then 7–10 digits. */
const OTHER_DOCUMENT = /^[A-Z]{1,2}\d{7,10}$/;

/** Why `id` (normalized) does not identify an applicant of `type`, or null. */
export function applicantIdProblem(type: ApplicantType, id: string, today?: string): string | null {
  if (type === 'natural_person') {
    if (OTHER_DOCUMENT.test(id)) return null;
    if (id.length === 18 && /[A-WYZ]/.test(id.slice(0, 17)) && creditCodeProblem(id) === null) {
      return '这是统一社会信用代码。以公民个人名义申请的请填写居民身份证号码；以法人或其他组织名义申请的，请在“申请人类型”中选择相应类型';
    }
    return idCardProblem(id, today);
  }
  if (/^\d{17}[\dX]$/.test(id) && isValidIdCard(id)) {
    return '这是居民身份证号码。法人或其他组织请填写统一社会信用代码；以公民个人名义申请的，请在“申请人类型”中选择“公民（自然人）”';
  }
  return creditCodeProblem(id);
}

interface ApplicantFields {
  applicantType: ApplicantType;
  idNumber?: string;
  phone?: string;
  email?: string;
  address?: string;
}

/**
 * Parses `raw` with `schema` and checks the applicant's identifier and contacts; returns the parsed input with
 * identifiers normalized, or throws AppError('bad_input', first message, { fields }) naming every wrong field.
 * `idRequired`: an applicant filing themselves must give an identifier (条例第二十九条); staff registering a
 * letter without one ask for it by 补正 (第三十条).
 */
export function checkApplication<T extends ApplicantFields>(
  schema: z.ZodType<T>,
  raw: unknown,
  opts: { today: string; idRequired: boolean },
): T {
  const problems: FieldProblems = {};
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'form');
      problems[field] ??= issue.message;
    }
  }
  const given = (parsed.success ? parsed.data : (raw ?? {})) as Partial<Record<keyof ApplicantFields, unknown>>;
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const idNumber = normalizeIdentifier(text(given.idNumber));
  const phone = normalizePhone(text(given.phone));
  const email = text(given.email);
  const type = given.applicantType as ApplicantType | undefined;
  if (!idNumber) {
    if (opts.idRequired) problems.idNumber ??= '请填写身份证件号码或统一社会信用代码（条例第二十九条）';
  } else if (type && !problems.applicantType && !problems.idNumber) {
    const problem = applicantIdProblem(type, idNumber, opts.today);
    if (problem) problems.idNumber = problem;
  }
  if (phone && !problems.phone) {
    const problem = phoneProblem(phone);
    if (problem) problems.phone = problem;
  }
  if (email && !problems.email) {
    const problem = emailProblem(email);
    if (problem) problems.email = problem;
  }
  if (!phone && !email && !text(given.address)) {
    problems.contact = '请至少填写一种联系方式：联系电话、电子邮箱或通信地址（条例第二十九条）';
  }
  const fields = Object.keys(problems);
  if (fields.length || !parsed.success) {
    const ordered: FieldProblems = {};
    for (const f of [...Object.keys(APPLICATION_FIELD_LABELS), ...fields]) if (problems[f]) ordered[f] = problems[f];
    throw new AppError('bad_input', Object.values(ordered)[0] ?? '申请内容有误', { fields: ordered });
  }
  const data = parsed.data as T;
  return { ...data, idNumber: idNumber || undefined, phone: phone || undefined, email: email || undefined };
}
