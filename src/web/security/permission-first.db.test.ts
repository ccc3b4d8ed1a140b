/**
 * Letter routes check permission before state, and a refusal names neither the case's agency nor its state
 * (issue #19: another agency's staff got 409 "尚未答复" for a case they may not see, and 403s named the owner).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCalendar } from '../../calendar-store/index.ts';
import { receiveApplication } from '../../cases/actions/receive-application.ts';
import { fixedClock } from '../../clock.ts';
import { makeAgencyTree, makeUser, TEST_PASSWORD } from '../../db/factories.ts';
import { createTestDb, type TestDb } from '../../db/testing.ts';
import { createSite } from '../site.ts';
import { testBrowser } from '../testing.ts';

const clock = fixedClock('2026-03-02T10:00:00+08:00');
let t: TestDb;
let caseId = 0;
let agencyName = '';
let agencyId = 0;

beforeAll(async () => {
  t = await createTestDb();
  await seedCalendar(t.db);
  const tree = await makeAgencyTree(t.db);
  agencyName = tree.education.name;
  agencyId = tree.education.id;
  await makeUser(t.db, { agency: tree.town, role: 'staff', username: 'town' });
  await makeUser(t.db, { agency: tree.education, role: 'staff', username: 'edu' });
  const c = await receiveApplication(
    { db: t.db, clock },
    {
      user: null,
      application: {
        agencyId,
        applicantType: 'natural_person',
        applicantName: '张三',
        idNumber: '11010519491231002X',
        phone: '13800000000',
        channel: 'online',
        subject: '申请公开某项目批复',
      },
    },
  );
  caseId = c.id;
});
afterAll(() => t.close());

async function as(username: string) {
  const b = testBrowser(createSite({ db: t.db, clock, secret: 's', log: () => {} }));
  await b.get('/login');
  await b.post('/login', { username, password: TEST_PASSWORD });
  return b;
}

describe('another agency is refused before the state is looked at', () => {
  it.each([
    ['the answer letter through the API', () => `/api/cases/${caseId}/documents/reply.html`],
    ['the answer letter in the console', () => `/console/cases/${caseId}/documents/reply.html`],
    ['the receipt letter through the API', () => `/api/cases/${caseId}/documents/receipt.docx`],
    ['the case through the API', () => `/api/cases/${caseId}`],
  ])('%s: 403, naming neither the agency nor the state', async (_name, path) => {
    const res = await (await as('town')).send(path());
    expect(res.status).toBe(403);
    const text = await res.text();
    for (const word of [agencyName, `机关 ${agencyId}`, '尚未答复', '答复书', 'case.read'])
      expect(text).not.toContain(word);
  });

  it('the case agency itself still hears that the case is not answered yet', async () => {
    const res = await (await as('edu')).send(`/api/cases/${caseId}/documents/reply.html`);
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toContain('尚未答复');
  });
});
