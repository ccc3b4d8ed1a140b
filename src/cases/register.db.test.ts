import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../auth/roles.ts';
import { makeAgencyTree, makeUser } from '../db/factories.ts';
import { type Case, cases } from '../db/schema/cases.ts';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { newTrackingCode } from './actions/receive-application.ts';
import { isOverdue } from './lifecycle.ts';
import {
  caseNumber,
  type RegisterFilters,
  registerFilterSchema,
  registerRows,
  registerScope,
  searchRegister,
} from './register.ts';

const today = '2026-03-16';
let t: TestDb;
let tree: Awaited<ReturnType<typeof makeAgencyTree>>;
let clerk: SessionUser;
let reviewer: SessionUser;
let supervisor: SessionUser;
let admin: SessionUser;
let handlerId: number;
let all: Case[] = [];

const STATES = ['received', 'awaiting_correction', 'consulting', 'replied', 'replied', 'withdrawn'] as const;
const CHANNELS = ['online', 'post', 'in_person', 'email', 'fax'] as const;
const TYPES = ['natural_person', 'natural_person', 'commercial', 'research'] as const;
const SUBJECTS = ['城乡低保资金发放情况', '老旧小区改造项目资金', '义务教育学校布局调整方案', '农村公路养护资金'];

beforeAll(async () => {
  t = await createTestDb();
  tree = await makeAgencyTree(t.db);
  const made = await makeUser(t.db, { agency: tree.education, role: 'staff', displayName: '陈承办' });
  clerk = made.user;
  handlerId = made.row.id;
  reviewer = (await makeUser(t.db, { agency: tree.education, role: 'reviewer' })).user;
  supervisor = (await makeUser(t.db, { agency: tree.county, role: 'supervisor' })).user;
  admin = (await makeUser(t.db, { agency: tree.county, role: 'admin' })).user;
  const rows = Array.from({ length: 60 }, (_, i) => {
    const state = STATES[i % STATES.length];
    const receivedOn = `2026-0${1 + (i % 3)}-${String(1 + (i % 27)).padStart(2, '0')}`;
    const dueOn = `2026-0${2 + (i % 3)}-${String(1 + ((i * 7) % 27)).padStart(2, '0')}`;
    const closed = state === 'replied' || state === 'withdrawn';
    const closedOn = closed ? `2026-0${2 + (i % 2)}-${String(1 + ((i * 5) % 27)).padStart(2, '0')}` : null;
    return {
      agencyId: i % 4 === 3 ? tree.town.id : tree.education.id,
      trackingCode: newTrackingCode(),
      regime: '2019' as const,
      applicantType: TYPES[i % TYPES.length],
      applicantName: i % 5 === 0 ? '张三丰' : `申请人${i}`,
      channel: CHANNELS[i % CHANNELS.length],
      receivedOn,
      subject: `2025年${SUBJECTS[i % SUBJECTS.length]}（${i}）`,
      state,
      dueOn,
      firstDueOn: dueOn,
      closedOn,
      outcome: state === 'replied' ? (i % 2 ? 'granted' : 'unavailable.not_held') : null,
      handlerId: i % 6 === 0 ? handlerId : null,
    };
  });
  all = await t.db.insert(cases).values(rows).returning();
});
afterAll(() => t.close());

const filters = (f: Record<string, unknown> = {}): RegisterFilters => registerFilterSchema.parse(f);
const educationCases = () => all.filter((c) => c.agencyId === tree.education.id);

describe('the register: every case of the agencies a user reads, filtered, with the real total', () => {
  it.each<[string, Record<string, unknown>, (c: Case) => boolean]>([
    ['no filter', {}, () => true],
    ['open cases', { state: 'open' }, (c) => c.state !== 'replied' && c.state !== 'withdrawn'],
    ['closed cases', { state: 'closed' }, (c) => c.state === 'replied' || c.state === 'withdrawn'],
    ['待补正', { state: 'awaiting_correction' }, (c) => c.state === 'awaiting_correction'],
    ['by post', { channel: 'post' }, (c) => c.channel === 'post'],
    ['enterprises', { applicantType: 'commercial' }, (c) => c.applicantType === 'commercial'],
    ['予以公开', { outcome: 'granted' }, (c) => c.outcome === 'granted'],
    [
      'received in February',
      { receivedFrom: '2026-02-01', receivedTo: '2026-02-28' },
      (c) => c.receivedOn >= '2026-02-01' && c.receivedOn <= '2026-02-28',
    ],
    ['closed from 10 March', { closedFrom: '2026-03-10' }, (c) => c.closedOn !== null && c.closedOn >= '2026-03-10'],
    ['逾期未答复 (open, past due)', { overdue: 'open' }, (c) => isOverdue(c, today)],
    ['逾期答复 (closed after the due date)', { overdue: 'late' }, (c) => c.closedOn !== null && c.closedOn > c.dueOn],
    ['subject words', { q: '老旧小区' }, (c) => c.subject.includes('老旧小区')],
    ['the applicant’s name', { q: '张三丰' }, (c) => c.applicantName === '张三丰'],
    ['empty strings from the form mean no filter', { state: '', channel: '', q: '' }, () => true],
  ])('%s', async (_name, f, keep) => {
    const expected = educationCases().filter(keep);
    const page = await searchRegister(t.db, registerScope(clerk), filters({ ...f, pageSize: 200 }), today);
    expect(page.total).toBe(expected.length);
    expect(page.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(expected.map((c) => c.id).sort((a, b) => a - b));
  });

  it('finds a case by its 查询码 (any case) and by its 受理编号 (with or without the year)', async () => {
    const target = educationCases()[7];
    for (const q of [target.trackingCode, target.trackingCode.toLowerCase(), caseNumber(target), String(target.id)]) {
      const page = await searchRegister(t.db, registerScope(clerk), filters({ q }), today);
      expect(
        page.rows.map((r) => r.id),
        q,
      ).toContain(target.id);
    }
  });

  it('combines filters, and pages with the total of all pages', async () => {
    const f = { state: 'open', channel: 'online', pageSize: 10 };
    const expected = educationCases().filter(
      (c) => c.channel === 'online' && c.state !== 'replied' && c.state !== 'withdrawn',
    );
    const first = await searchRegister(t.db, registerScope(clerk), filters(f), today);
    expect(first.total).toBe(expected.length);
    const everything = await searchRegister(t.db, registerScope(clerk), filters({ pageSize: 10 }), today);
    expect(everything.total).toBe(educationCases().length);
    expect(everything.pages).toBe(Math.ceil(educationCases().length / 10));
    const pages = await Promise.all(
      Array.from({ length: everything.pages }, (_, i) =>
        searchRegister(t.db, registerScope(clerk), filters({ pageSize: 10, page: i + 1 }), today),
      ),
    );
    const ids = pages.flatMap((p) => p.rows.map((r) => r.id));
    expect(new Set(ids).size).toBe(educationCases().length);
  });

  it.each([
    ['due date, ascending', 'due', 'asc', (a: Case, b: Case) => a.dueOn.localeCompare(b.dueOn) || a.id - b.id],
    [
      'receipt, newest first (default)',
      'received',
      'desc',
      (a: Case, b: Case) => b.receivedOn.localeCompare(a.receivedOn) || b.id - a.id,
    ],
    ['受理编号, ascending', 'number', 'asc', (a: Case, b: Case) => a.id - b.id],
  ] as const)('sorts by %s', async (_name, sort, dir, compare) => {
    const page = await searchRegister(t.db, registerScope(clerk), filters({ sort, dir, pageSize: 200 }), today);
    expect(page.rows.map((r) => r.id)).toEqual([...educationCases()].sort(compare).map((c) => c.id));
  });

  it('names the 承办人 and the outcome in words', async () => {
    const page = await searchRegister(
      t.db,
      registerScope(clerk),
      filters({ outcome: 'granted', pageSize: 200 }),
      today,
    );
    expect(page.rows.every((r) => r.outcomeLabel === '予以公开')).toBe(true);
    const named = await registerRows(t.db, registerScope(clerk), filters(), today);
    expect(named.filter((r) => r.handlerName === '陈承办').length).toBe(
      educationCases().filter((c) => c.handlerId === handlerId).length,
    );
  });
});

describe('personal data only to those who handle the case', () => {
  it('staff of an agency see its cases only, names in full', async () => {
    const rows = await registerRows(t.db, registerScope(clerk), filters(), today);
    expect(rows.every((r) => r.agencyId === tree.education.id && !r.masked)).toBe(true);
    expect(rows.map((r) => r.applicantName)).toContain('张三丰');
  });

  it('a reviewer reads the agency’s register with names masked, and cannot find a case by the applicant’s name', async () => {
    const rows = await registerRows(t.db, registerScope(reviewer), filters(), today);
    expect(rows).toHaveLength(educationCases().length);
    expect(rows.every((r) => r.masked)).toBe(true);
    expect(rows.map((r) => r.applicantName)).toContain('张**');
    expect(rows.map((r) => r.applicantName)).not.toContain('张三丰');
    expect((await searchRegister(t.db, registerScope(reviewer), filters({ q: '张三丰' }), today)).total).toBe(0);
  });

  it('a supervisor reads the subtree (masked); an administrator reads everything, masked: not a handler (#14)', async () => {
    const sup = await registerRows(t.db, registerScope(supervisor), filters(), today);
    expect(sup).toHaveLength(all.length);
    expect(sup.every((r) => r.masked)).toBe(true);
    const adm = await registerRows(t.db, registerScope(admin), filters(), today);
    expect(adm).toHaveLength(all.length);
    expect(adm.every((r) => r.masked)).toBe(true);
    // Nor is an applicant found by name by one who does not handle the case.
    expect((await registerRows(t.db, registerScope(admin), filters({ q: '张三丰' }), today)).length).toBe(0);
  });
});
