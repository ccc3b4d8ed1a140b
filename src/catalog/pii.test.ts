import { describe, expect, it } from 'vitest';
import { findPersonalData, idCardCheckChar, isValidIdCard, luhnValid, maskPersonalData } from './pii.ts';

describe('身份证号 (GB 11643-1999)', () => {
  it.each([
    ['the standard example with check character X', '11010519491231002X', true],
    ['lower-case x accepted', '11010519491231002x', true],
    ['a 1990 Shenzhen number', '440304199001011233', true],
    ['wrong check character', '440304199001011234', false],
    ['impossible birth date 02-30', `44030419900230${'123'}${idCardCheckChar('44030419900230123')}`, false],
    ['no such province 99', `99030419900101123${idCardCheckChar('99030419900101123')}`, false],
    ['birth year before 1900', `44030418990101123${idCardCheckChar('44030418990101123')}`, false],
  ])('%s', (_name, id, valid) => {
    expect(isValidIdCard(id)).toBe(valid);
  });
});

describe('findPersonalData', () => {
  it.each([
    ['an ID in a sentence', '申请人身份证号11010519491231002X，住址', 'id_card', '110105********002X'],
    ['a mobile number', '联系电话：13812345678。', 'mobile', '138****5678'],
    ['a bank card (Luhn, 19 digits)', '账号6222021001123456789', 'bank_card', '6222***********6789'],
    ['a bank card (Luhn, 19 digits, other)', '卡号 6217001234567890122 ', 'bank_card', '6217***********0122'],
    [
      'an ID in full-width digits',
      '身份证号：１１０１０５１９４９１２３１００２Ｘ。',
      'id_card',
      '１１０１０５********００２Ｘ',
    ],
    ['an ID in groups 6-8-4', '身份证 110105 19491231 002X', 'id_card', '110105 ******** 002X'],
    ['a 15-digit first-generation ID', '旧身份证号110105491231002，', 'id_card', '110105******002'],
    ['a mobile number spaced 3-4-4', '电话 138 1234 5678 联系', 'mobile', '138 **** 5678'],
    ['a mobile number dashed 3-4-4', '电话138-1234-5678', 'mobile', '138-****-5678'],
    ['a mobile number in full-width digits', '电话１３８１２３４５６７８', 'mobile', '１３８****５６７８'],
    ['a bank card in groups of four', '账号 6222 0210 0112 3456 789', 'bank_card', '6222 **** **** ***6 789'],
  ])('%s', (_name, text, kind, masked) => {
    const [f] = findPersonalData(text);
    expect(f).toMatchObject({ kind, masked });
    expect(text.slice(f.start, f.end).length).toBe(masked.length);
  });

  it.each([
    ['a mobile inside a longer run of digits', '编号2025138123456789001'],
    ['a landline-like 12 digits', '0755123456789'],
    ['an 18-digit run with a bad check digit', '440304199001011234'],
    ['a 16-digit number failing Luhn', '1234567812345678'],
    ['a number glued to letters', 'ABC13812345678'],
    ['a 文号 and a date', '某府发〔2025〕13号，2025年3月1日'],
    ['a date followed by a count', '2026-12-03 1381 件'],
    ['digits spaced as no number is written', '1381 2345 678'],
    ['a 15-digit run with no real birth date', '110105491331002'],
  ])('ignores %s', (_name, text) => {
    expect(findPersonalData(text)).toEqual([]);
  });

  it('masks every finding, keeping positions', () => {
    const text = '张三 11010519491231002X 电话13812345678';
    const masked = maskPersonalData(text);
    expect(masked).toBe('张三 110105********002X 电话138****5678');
    expect(masked.length).toBe(text.length);
    expect(findPersonalData(masked)).toEqual([]);
  });

  it('finds two mobile numbers written in groups side by side', () => {
    const found = findPersonalData('电话 138 1234 5678 139 8765 4321');
    expect(found.map((f) => f.masked)).toEqual(['138 **** 5678', '139 **** 4321']);
  });

  it('Luhn', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
  });
});
