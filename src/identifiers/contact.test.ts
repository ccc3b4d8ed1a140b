import { describe, expect, it } from 'vitest';
import { emailProblem, mobileNumber, normalizePhone, phoneProblem } from './contact.ts';

describe('联系电话', () => {
  it.each([
    ['a mobile number', '13912345678'],
    ['a 19x mobile number', '19912345678'],
    ['a mobile number with +86', '+8613912345678'],
    ['Beijing fixed line with hyphen', '010-12345678'],
    ['Shenzhen fixed line without hyphen', '075512345678'],
    ['a county fixed line (4-digit area code, 7 digits)', '0797-8123456'],
    ['a fixed line with an extension', '010-12345678-801'],
    ['a 400 service number', '400-810-8888'],
    ['full-width digits and （区号）', normalizePhone('（０１０）１２３４５６７８')],
    ['spaces between groups', normalizePhone('139 1234 5678')],
  ])('accepts %s', (_name, phone) => {
    expect(phoneProblem(phone)).toBeNull();
  });

  it.each([
    ['10 digits of a mobile', '1391234567', '手机号码应为11位，收到10位'],
    ['12 digits of a mobile', '139123456789', '收到12位'],
    ['a mobile starting 12', '12912345678', '第二位应为3至9'],
    ['a fixed line without area code', '12345678', '收到8位'],
    ['a fixed line without area code (starting 8)', '82345678', '带区号的固定电话'],
    ['letters', 'abc', '请填写11位手机号码'],
    ['markup', '<i>138</i>', '请填写11位手机号码'],
  ])('refuses %s', (_name, phone, message) => {
    expect(phoneProblem(phone)).toContain(message);
  });

  it('finds the mobile number SMS can go to, and none in a fixed line', () => {
    expect(mobileNumber('+86 139 1234 5678')).toBe('13912345678');
    expect(mobileNumber('010-12345678')).toBeNull();
    expect(mobileNumber(null)).toBeNull();
  });
});

describe('电子邮箱', () => {
  it.each([
    ['a plain address', 'wangwu@example.com'],
    ['a sub-domain and plus tag', 'li.si+gk@mail.example.gov.cn'],
    ['a 163 address with digits', '13912345678@163.com'],
  ])('accepts %s', (_name, email) => {
    expect(emailProblem(email)).toBeNull();
  });

  it.each([
    ['no @', 'wangwu.example.com', '缺少“@”'],
    ['a full-width ＠', 'wangwu＠example.com', '半角'],
    ['no dot in the domain', 'wangwu@localhost', '格式不正确'],
    ['a space', 'wang wu@example.com', '格式不正确'],
    ['two @', 'a@b@example.com', '格式不正确'],
    ['a domain starting with a hyphen', 'a@-example.com', '格式不正确'],
    ['too long', `${'a'.repeat(250)}@example.com`, '过长'],
  ])('refuses %s', (_name, email, message) => {
    expect(emailProblem(email)).toContain(message);
  });
});
