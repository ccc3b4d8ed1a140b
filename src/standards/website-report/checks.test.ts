/** The 政府网站工作年度报表's own checks, each named (issue #17 item 2). */
import { describe, expect, it } from 'vitest';
import {
  checkWebsiteReport,
  interpretSum,
  messagesClosed,
  messagesPublished,
  publishSum,
  requiredAnswered,
  securityFixed,
  serviceCasesSum,
  serviceOnline,
  siteType,
  visitsUnique,
} from './checks.ts';
import { WEBSITE_ROWS } from './layout.ts';
import type { WebsiteValue } from './model.ts';

type Values = Record<string, WebsiteValue>;

/** A report every check passes. */
function completeValues(): Values {
  const v: Values = {};
  for (const r of WEBSITE_ROWS) v[r.key] = r.kind === 'number' ? 0 : r.kind === 'yesno' ? true : '有';
  Object.assign(v, {
    'site.type': '政府门户网站',
    'publish.total': 10,
    'publish.overview': 2,
    'publish.news': 3,
    'publish.directory': 5,
    'interpret.total': 4,
    'interpret.materials': 2,
    'interpret.products': 1,
    'interpret.media': 1,
    'messages.received': 9,
    'messages.closed': 9,
    'messages.published': 7,
    'security.found': 3,
    'security.fixed': 3,
    'visits.unique': 100,
    'visits.total': 1000,
    'service.items': 50,
    'service.online': 40,
    'service.cases.total': 30,
    'service.cases.person': 20,
    'service.cases.legal': 10,
  });
  return v;
}

const withValues = (changes: Values) => ({ ...completeValues(), ...changes });

describe('a complete report', () => {
  it('passes every check', () => {
    expect(checkWebsiteReport(completeValues())).toEqual([]);
  });
});

describe.each<{ name: string; rule: (v: Values) => { keys: string[]; message: string }[]; bad: Values }>([
  { name: '信息发布总数 = 概况类 + 政务动态 + 信息公开目录', rule: publishSum, bad: { 'publish.total': 11 } },
  { name: '解读信息发布总数 = 解读材料 + 解读产品 + 媒体评论', rule: interpretSum, bad: { 'interpret.media': 5 } },
  { name: '办件量总数 = 自然人 + 法人', rule: serviceCasesSum, bad: { 'service.cases.legal': 11 } },
  { name: '办结留言数量 ≤ 收到留言数量', rule: messagesClosed, bad: { 'messages.closed': 10 } },
  { name: '公开答复数量 ≤ 收到留言数量', rule: messagesPublished, bad: { 'messages.published': 10 } },
  { name: '问题整改数量 ≤ 发现问题数量', rule: securityFixed, bad: { 'security.fixed': 4 } },
  { name: '独立用户访问总量 ≤ 网站总访问量', rule: visitsUnique, bad: { 'visits.unique': 1001 } },
  { name: '可全程在线办理事项 ≤ 政务服务事项', rule: serviceOnline, bad: { 'service.online': 51 } },
  { name: '网站类型 is a national type', rule: siteType, bad: { 'site.type': '门户' } },
])('$name', ({ rule, bad }) => {
  it('passes when it holds', () => {
    expect(rule(completeValues())).toEqual([]);
  });
  it('finds the cells when it does not', () => {
    const findings = rule(withValues(bad));
    expect(findings).toHaveLength(1);
    expect(findings[0].keys).toEqual(expect.arrayContaining(Object.keys(bad)));
    expect(findings[0].message).toMatch(/[应不]/);
  });
});

describe('the sum and ≤ rules on blanks', () => {
  it('judge nothing while a part is blank (a blank is not 0)', () => {
    expect(publishSum(withValues({ 'publish.news': null }))).toEqual([]);
    expect(messagesClosed(withValues({ 'messages.received': null }))).toEqual([]);
  });
});

describe('required answers', () => {
  it.each([
    ['是否建立安全监测预警机制 left blank', 'security.monitoring', null, '未选择是或否'],
    ['是否使用统一平台 left blank', 'interact.unified', null, '未选择是或否'],
    ['网站名称 empty', 'site.name', '  ', '未填写'],
  ])('%s', (_name, key, value, words) => {
    const findings = requiredAnswered(withValues({ [key]: value }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'required', keys: [key] });
    expect(findings[0].message).toContain(words);
  });

  it('否 is an answer', () => {
    expect(requiredAnswered(withValues({ 'security.drills': false }))).toEqual([]);
  });
});
