/** Year and issuer when the title is damaged or missing (issue #16). */
import { describe, expect, it } from 'vitest';
import { detectIssuer, detectYear } from './detect.ts';

describe('the issuer is a body, not the sentence before it', () => {
  it.each([
    ['a sentence before the name', ['根据《条例》规定，现区统计局2019年度政府信息公开工作年度报告如下'], '区统计局'],
    ['a crawler’s field name', ['标题:某市某区统计局2019年政府信息公开工作年度报告'], '某市某区统计局'],
    ['现将 before the name', ['现将某县人民政府2019年政府信息公开工作年度报告公布如下：'], '某县人民政府'],
    ['a 管委会 keeps its own name', ['某某经济开发区管委会2021年政府信息公开工作年度报告'], '某某经济开发区管委会'],
  ])('%s', (_name, lines, issuer) => {
    expect(detectIssuer(lines, detectYear(lines))).toBe(issuer);
  });
});

describe('the year from the body when no title names it', () => {
  it.each([
    ['a body opening with the year', ['2020年，我街认真贯彻落实《条例》', '一、总体情况'], 2020],
    ['年度 and a full-width comma', ['二、主动公开情况', '2019年度，本局主动公开政府信息120条'], 2019],
    ['a year inside a sentence is no title', ['本局于2018年成立，负责…'], null],
  ])('%s', (_name, lines, year) => {
    expect(detectYear(lines)).toBe(year);
  });
});
