import { describe, expect, it } from 'vitest';
import { looksTraditional, removePinyin, repairText, toLines } from './index.ts';

describe('text repair', () => {
  it.each([
    ['pinyin after a Traditional character', '海鹽縣沈蕩鎮(zhèn)人民政府', '海鹽縣沈蕩鎮人民政府'],
    ['several annotations', '政府信息公開(kāi)工作報(bào)告', '政府信息公開工作報告'],
    ['keeps （一）', '（一）主动公开', '（一）主动公开'],
    ['keeps (2019)', '国办公开办函(2019)60号', '国办公开办函(2019)60号'],
    ['keeps a Latin word without tone marks', '平台(app)上线', '平台(app)上线'],
  ])('removePinyin: %s', (_name, input, output) => {
    expect(removePinyin(input)).toBe(output);
  });

  it('converts a Traditional page to Simplified, and leaves a Simplified page alone', () => {
    expect(repairText('海鹽縣沈蕩鎮(zhèn)人民政府2017年度政府信息公開(kāi)工作報(bào)告')).toBe(
      '海盐县沈荡镇人民政府2017年度政府信息公开工作报告',
    );
    const simplified = '效果显著，政府信息公开工作成绩显著。';
    expect(looksTraditional(simplified)).toBe(false);
    expect(repairText(simplified)).toBe(simplified);
  });

  it('turns full-width digits half-width and drops page furniture', () => {
    expect(toLines('分享到:\n主动公开１１３２条\n扫一扫在手机打开当前页\n')).toEqual(['', '主动公开1132条', '', '']);
  });
});
