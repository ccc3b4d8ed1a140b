import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedsDir } from '../../testing/paths.ts';
import {
  isFurniture,
  looksTraditional,
  normalizeSpaces,
  removePinyin,
  repairText,
  toHalfWidth,
  toLines,
  traditionalToSimplified,
} from './index.ts';

describe('text repair', () => {
  it.each([
    ['pinyin after a Traditional character', '海鹽縣沈蕩鎮(zhèn)人民政府', '海鹽縣沈蕩鎮人民政府'],
    ['several annotations', '政府信息公開(kāi)工作報(bào)告', '政府信息公開工作報告'],
    ['full-width parentheses', '信息公开（kāi）工作', '信息公开工作'],
    ['a tone digit', '银行(hang2)业务', '银行业务'],
    ['ü with a tone', '法律(lǜ)法规', '法律法规'],
    ['after the ? of a lost character', '政府?(dāng)?(shù)据开放', '政府??据开放'],
    ['a lost character that took its parenthesis along', '政府?dāng)?shù)据开放', '政府??据开放'],
    ['keeps （一）', '（一）主动公开', '（一）主动公开'],
    ['keeps (2019)', '国办公开办函(2019)60号', '国办公开办函(2019)60号'],
    ['keeps (以下简称《条例》)', '《条例》(以下简称《条例》)', '《条例》(以下简称《条例》)'],
    ['keeps a Latin word without tone marks', '平台(app)上线', '平台(app)上线'],
    ['keeps a toned word that is no syllable', '系统(ǎbcdxyz)', '系统(ǎbcdxyz)'],
    ['keeps a parenthesis after a digit', '共5(kāi)', '共5(kāi)'],
    ['keeps (社区)', '村(社区)公开栏', '村(社区)公开栏'],
  ])('removePinyin: %s', (_name, input, output) => {
    expect(removePinyin(input)).toBe(output);
  });

  it('converts a Traditional page to Simplified, and leaves a Simplified page alone', () => {
    expect(repairText('海鹽縣沈蕩鎮(zhèn)人民政府2017年度政府信息公開(kāi)工作報(bào)告')).toBe(
      '海盐县沈荡镇人民政府2017年度政府信息公开工作报告',
    );
    const simplified = '效果显著，政府信息公开工作成绩显著。存在着差距，乾县人民政府。';
    expect(looksTraditional(simplified)).toBe(false);
    expect(repairText(simplified)).toBe(simplified);
  });

  it.each([
    ['显著 stays 显著', '效果顯著', '效果显著'],
    ['存在著 → 存在着', '存在著差距', '存在着差距'],
    ['乾縣 stays 乾县', '陝西省乾縣人民政府', '陕西省乾县人民政府'],
    ['答覆 → 答复', '延長答覆期限', '延长答复期限'],
    ['徵收 → 征收', '土地徵收', '土地征收'],
    ['Hong Kong variants', '綫上辦理，爲群衆服務', '线上办理，为群众服务'],
    ['濬縣 → 浚县', '濬縣人民政府', '浚县人民政府'],
  ])('Traditional → Simplified in this domain: %s', (_name, input, output) => {
    expect(traditionalToSimplified(input)).toBe(output);
  });

  it('repairs seed 004: no pinyin, no Traditional character left', () => {
    const text = repairText(readFileSync(join(seedsDir, '004_f86300e4f88928ae.txt'), 'utf8'));
    expect(text).toContain('海盐县沈荡镇人民政府2017年度政府信息公开工作报告');
    expect(text).toContain('主动公开政府信息170条');
    expect(text).toContain('(以下简称《条例》)');
    expect(text).toContain('(一)');
    expect(text).not.toMatch(/[āáǎàēéěèīíǐìōóǒòūúǔù]/);
    expect(looksTraditional(text)).toBe(false);
  });

  it('turns full-width digits, letters and number signs half-width, keeps Chinese punctuation', () => {
    expect(toHalfWidth('主动公开１１３２条，占９８．５％，ＡＢ－１／２｜（一）')).toBe(
      '主动公开1132条，占98.5%，AB-1/2|（一）',
    );
  });

  it('normalises odd spaces and control characters, keeps tabs', () => {
    expect(normalizeSpaces('a\u00a0b\u3000c\u200bd\r\ne\ff\tg\u0007')).toBe('a b cd\ne\nf\tg');
  });

  it.each([
    '分享到:',
    '分享到：',
    '【字体：大 中 小】',
    '【字体:大 中 小】【打印本页】【关闭窗口】',
    '字号：大 中 小',
    '扫一扫在手机打开当前页',
    '打印本页 关闭窗口',
    '【打印】 【关闭】',
    '上一篇：关于2018年工作的通知',
    '下一篇',
    '当前位置：首页 > 信息公开',
    '|',
    '- 3 -',
    '— 12 —',
    '第 3 页 共 5 页',
    '第2页',
    '3 / 5',
  ])('furniture line: %s', (line) => {
    expect(isFurniture(line)).toBe(true);
  });

  it.each([
    '一、总体情况',
    '/',
    '——',
    '-',
    '3',
    '- 3',
    '第二十条第（一）项',
    '关闭企业3家',
    '打印机采购',
    '上一年度结转8件',
    '（一）主动公开',
  ])('not furniture: %s', (line) => {
    expect(isFurniture(line)).toBe(false);
  });

  it('drops furniture lines (keeping line numbers) and cuts furniture runs out of a line', () => {
    expect(toLines('分享到:\n主动公开１１３２条\n扫一扫在手机打开当前页\n')).toEqual(['', '主动公开1132条', '', '']);
    expect(toLines('发布日期：2020-01-15 【字体：大 中 小】 分享到：')).toEqual(['发布日期：2020-01-15']);
  });

  it('keeps the trailing tabs of a row: they are its blank cells', () => {
    expect(toLines('规章\t1\t\t')).toEqual(['规章\t1\t\t']);
  });
});
