import { describe, expect, it } from 'vitest';
import { bodyKey } from './body-key.ts';

describe('bodyKey', () => {
  it.each([
    ['淮安市洪泽区人民政府', '洪泽区人民政府'],
    ['洪泽区人民政府', '洪泽区人民政府'],
    ['江苏省淮安市洪泽区人民政府', '洪泽区人民政府'],
    ['衢州市人民政府', '衢州市人民政府'],
    ['南充市高坪区人民政府办公室', '高坪区人民政府办公室'],
    ['海盐县沈荡镇人民政府', '海盐县沈荡镇人民政府'],
    [' 婺源县 人民政府 ', '婺源县人民政府'],
  ])('%s → %s', (issuer, key) => {
    expect(bodyKey(issuer)).toBe(key);
  });

  it('keeps different bodies apart', () => {
    expect(bodyKey('洪泽区人民政府办公室')).not.toBe(bodyKey('洪泽区人民政府'));
  });
});
