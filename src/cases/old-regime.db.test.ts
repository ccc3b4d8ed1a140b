import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCalendar } from '../calendar-store/index.ts';
import { fixedClock } from '../clock.ts';
import { makeAgencyTree, makeUser } from '../db/factories.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { outcome } from '../law/outcomes.ts';
import { check } from '../report/check.ts';
import { decideAppeal } from './actions/decide-appeal.ts';
import { extendDeadline } from './actions/extend-deadline.ts';
import { receiveApplication } from './actions/receive-application.ts';
import { recordAppeal } from './actions/record-appeal.ts';
import { replyToApplication } from './actions/reply.ts';
import { computeCaseSections, drillDown } from './report-sections.ts';

let t: TestDb;
let agencyId: number;

beforeAll(async () => {
  t = await createTestDb();
  await seedCalendar(t.db);
  const tree = await makeAgencyTree(t.db);
  agencyId = tree.education.id;
  const head = (await makeUser(t.db, { agency: tree.education, role: 'office_head' })).user;
  const at = (d: string) => ({ db: t.db, clock: fixedClock(d) });
  const plan: [string, 'in_person' | 'post' | 'online' | 'email' | 'fax', string, boolean][] = [
    ['2018-03-01', 'online', 'agreed', false],
    ['2018-03-05', 'post', 'refused.privacy', true],
    ['2018-04-02', 'email', 'not_exist', false],
    ['2018-05-10', 'in_person', 'partial', false],
    ['2018-06-01', 'fax', 'already_public', false],
    ['2018-12-20', 'online', '', false], // still open at the year's end
  ];
  for (const [receivedOn, channel, outcome, extend] of plan) {
    const c = await receiveApplication(at(receivedOn), {
      user: head,
      application: {
        agencyId,
        applicantType: 'natural_person',
        applicantName: '王五',
        phone: '13800000000',
        channel,
        receivedOn,
        subject: '某项目批复文件',
      },
    });
    if (extend) await extendDeadline(at(receivedOn), { user: head, caseId: c.id, reason: '需调取档案' });
    if (outcome) {
      await replyToApplication(at(receivedOn), {
        user: head,
        caseId: c.id,
        outcome,
        repliedOn: receivedOn,
        text: '申请公开的信息涉及他人个人隐私，依法不予公开。',
      });
      if (outcome === 'refused.privacy') {
        const appeal = await recordAppeal(at('2018-04-20'), {
          user: head,
          caseId: c.id,
          kind: 'review',
          filedOn: '2018-04-20',
        });
        await decideAppeal(at('2018-07-01'), {
          user: head,
          appealId: appeal.id,
          outcome: 'upheld',
          decidedOn: '2018-07-01',
        });
      }
    }
  }
});
afterAll(() => t.close());

describe('the old table (reports before 2019) counted from 2007-regime cases', () => {
  it('passes every rule of old2008 and each cell drills to exactly its cases', async () => {
    const values = await computeCaseSections(t.db, { agencyIds: [agencyId], year: 2018, format: 'old2008' });
    expect(values).toMatchObject({
      'apply.received': 6,
      'apply.received.online': 3,
      'apply.completed': 5,
      'apply.completed.extended': 1,
      'apply.answered.refused': 1,
      'review.total': 1,
      'review.upheld': 1,
    });
    expect(check({ format: 'old2008', year: 2018, issuer: 'x', values })).toEqual([]);
    for (const [key, n] of Object.entries(values)) {
      const ids = await drillDown(t.db, { agencyIds: [agencyId], year: 2018, format: 'old2008', key });
      expect(ids.length, key).toBe(n);
    }
  });
});

describe('2007-regime cases closed from 2019 on are counted under their mapped outcome (issue 13)', () => {
  it.each([
    ['同意公开 → 予以公开', 'agreed', 'granted'],
    ['不同意公开：个人隐私 → 保护第三方合法权益', 'refused.privacy', 'withheld.third_party'],
    ['不同意公开：法律法规规定的其他情形 → 其他法律行政法规禁止公开', 'refused.other_law', 'withheld.law_prohibited'],
    ['申请信息不存在 → 本机关不掌握相关政府信息', 'not_exist', 'unavailable.not_held'],
    ['告知作出更改补充 → 其他处理·其他 (no counterpart)', 'correction', 'other.other'],
  ])('%s', async (_name, outcome, row) => {
    const db = await createTestDb();
    try {
      await seedCalendar(db.db);
      const tree = await makeAgencyTree(db.db);
      const head = (await makeUser(db.db, { agency: tree.education, role: 'office_head' })).user;
      const at = (d: string) => ({ db: db.db, clock: fixedClock(d) });
      const c = await receiveApplication(at('2019-05-10'), {
        user: head,
        application: {
          agencyId: tree.education.id,
          applicantType: 'natural_person',
          applicantName: '王五',
          phone: '13800000000',
          channel: 'post',
          receivedOn: '2019-05-10',
          subject: '某项目批复文件',
        },
      });
      expect(c.regime).toBe('2007');
      // The reasons the law requires of a refusal (2007年《条例》第二十一条第（二）项); harmless for the others.
      await replyToApplication(at('2019-06-10'), { user: head, caseId: c.id, outcome, text: '理由详见答复书正文。' });
      const scope = { agencyIds: [tree.education.id], year: 2019, format: 'new2021' as const };
      const values = await computeCaseSections(db.db, scope);
      expect(values[`apply.${row}.natural_person`]).toBe(1);
      expect(await drillDown(db.db, { ...scope, key: `apply.${row}.natural_person` })).toEqual([c.id]);
    } finally {
      await db.close();
    }
  });

  it('refused.other_law cites 第二十一条第（二）项, not 第十四条第二款 (the 保密审查 duty)', () => {
    const o = outcome('refused.other_law', '2007');
    expect(o.basis).toBe('2007年《条例》第二十一条第（二）项');
    expect(o.basis).not.toContain('第十四条第二款');
  });
});
