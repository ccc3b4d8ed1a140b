import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { applicationSchema } from './actions/receive-application.ts';
import { applicantIdProblem, checkApplication } from './application-check.ts';

const today = '2026-03-02';
const base = {
  agencyId: 1,
  applicantType: 'natural_person',
  applicantName: '王五',
  idNumber: '11010519491231002X',
  phone: '13912345678',
  channel: 'online',
  subject: '2025年义务教育学校布局调整方案',
};

function refusal(input: Record<string, unknown>, idRequired = true) {
  try {
    checkApplication(applicationSchema, input, { today, idRequired });
  } catch (error) {
    if (error instanceof AppError && error.code === 'bad_input') {
      return { message: error.message, fields: (error.details as { fields: Record<string, string> }).fields };
    }
    throw error;
  }
  throw new Error('accepted');
}

describe('the identifier matched to the applicant type', () => {
  it.each([
    ['a 公民 with an 18-character number', 'natural_person', '11010519491231002X'],
    ['a 公民 with an old 15-digit number', 'natural_person', '110105491231002'],
    ['a 公民 with a passport', 'natural_person', 'E12345678'],
    ['a 商业企业 with its credit code', 'commercial', '91350100M000100Y43'],
    ['a 社会公益组织 with its credit code', 'nonprofit', '521000005000000004'],
    ['a 法律服务机构 with its credit code', 'legal_service', '91440300708461136T'],
  ])('accepts %s', (_name, type, id) => {
    expect(applicantIdProblem(type as never, id, today)).toBeNull();
  });

  it.each([
    ['a 公民 giving a credit code', 'natural_person', '91350100M000100Y43', '这是统一社会信用代码'],
    ['a 公民 with a wrong check digit', 'natural_person', '110105194912310021', '校验码（第18位）不符'],
    ['an enterprise giving an ID number', 'commercial', '11010519491231002X', '这是居民身份证号码'],
    ['an enterprise with a wrong check character', 'commercial', '91350100M000100Y44', '第18位应为“3”'],
    ['a research institute with 15 characters', 'research', '913501000001000', '应为18位'],
  ])('refuses %s', (_name, type, id, message) => {
    expect(applicantIdProblem(type as never, id, today)).toContain(message);
  });
});

describe('checkApplication', () => {
  it('returns the input with identifiers normalized', () => {
    const a = checkApplication(
      applicationSchema,
      { ...base, idNumber: ' １１０１０５１９４９１２３１００２x ', phone: '139 1234 5678', email: ' li@example.com ' },
      { today, idRequired: true },
    );
    expect(a).toMatchObject({ idNumber: '11010519491231002X', phone: '13912345678', email: 'li@example.com' });
  });

  it('names every wrong field at once, in the order of the form', () => {
    const r = refusal({
      ...base,
      applicantName: '',
      idNumber: '110105194912310021',
      phone: '1391234567',
      email: 'x@y',
    });
    expect(Object.keys(r.fields)).toEqual(['applicantName', 'idNumber', 'phone', 'email']);
    expect(r.fields.idNumber).toContain('校验码');
    expect(r.fields.phone).toContain('手机号码应为11位');
    expect(r.fields.email).toContain('电子邮箱');
    expect(r.message).toBe(r.fields.applicantName);
  });

  it('checks the identifier against the type even when another field is wrong', () => {
    const r = refusal({ ...base, subject: '', applicantType: 'commercial' });
    expect(r.fields.idNumber).toContain('这是居民身份证号码');
    expect(r.fields.subject).toBeTruthy();
  });

  it('an applicant filing themselves must give an identifier; staff registering a letter need not', () => {
    expect(refusal({ ...base, idNumber: '' }).fields.idNumber).toContain('请填写身份证件号码');
    expect(checkApplication(applicationSchema, { ...base, idNumber: '' }, { today, idRequired: false }).idNumber).toBe(
      undefined,
    );
  });

  it('asks for at least one way to reach the applicant (条例第二十九条)', () => {
    expect(refusal({ ...base, phone: '' }).fields.contact).toContain('至少填写一种联系方式');
  });
});
