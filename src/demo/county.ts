/**
 * The demo county: 示范县人民政府 with 42 departments and 18 towns (valid 统一社会信用代码), users of every
 * role, the calendar, three years and more of applications across every outcome, channel and applicant
 * type — with corrections, consultations, extensions, fees, reviews and suits — and the published annual
 * reports computed from them. Deterministic: the same seed gives the same county.
 */

import { hashPassword } from '../auth/password.ts';
import { loadCalendar, seedCalendar } from '../calendar-store/index.ts';
import { newTrackingCode } from '../cases/actions/receive-application.ts';
import { backfillCaseEvents } from '../cases/case-events.ts';
import { dueOf, NEW_CASE_CLOCK } from '../cases/due.ts';
import { seedDemoCatalog } from '../catalog/demo.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { agencies } from '../db/schema/agencies.ts';
import { auditEvents } from '../db/schema/audit.ts';
import { users } from '../db/schema/auth.ts';
import { type ApplicantType, appeals, type Channel, casePauses, cases } from '../db/schema/cases.ts';
import { annualReports } from '../db/schema/reports.ts';
import { creditCodeCheckChar } from '../identifiers/credit-code.ts';
import { addDays } from '../law/dates.ts';
import { consultationReplyDue, feePaymentDue } from '../law/deadline.ts';
import { OUTCOMES } from '../law/outcomes.ts';
import { check } from '../report/check.ts';
import { prng } from '../report/sample.ts';
import { bodyKey } from '../reports/body-key.ts';
import { computeAgencyReport } from '../reports/compute.ts';
import { seedDemoStandardDirectory } from '../standards/directory/demo.ts';

export const DEMO_PASSWORD = 'Gongkai-2026';

const DEPARTMENTS = [
  '县人民政府办公室',
  '县发展和改革局',
  '县教育体育局',
  '县科学技术局',
  '县工业和信息化局',
  '县公安局',
  '县民政局',
  '县司法局',
  '县财政局',
  '县人力资源和社会保障局',
  '县自然资源局',
  '县生态环境局',
  '县住房和城乡建设局',
  '县交通运输局',
  '县水利局',
  '县农业农村局',
  '县商务局',
  '县文化广电旅游局',
  '县卫生健康委员会',
  '县退役军人事务局',
  '县应急管理局',
  '县审计局',
  '县市场监督管理局',
  '县统计局',
  '县医疗保障局',
  '县林业局',
  '县城市管理局',
  '县行政审批局',
  '县信访局',
  '县乡村振兴局',
  '县数据局',
  '县国有资产事务中心',
  '县税务局',
  '县档案馆',
  '县融媒体中心',
  '县机关事务管理局',
  '县人民防空办公室',
  '县投资促进局',
  '县供销合作社联合社',
  '县地方志办公室',
  '县消防救援大队',
  '县气象局',
];
const TOWNS = [
  '城关镇',
  '东山镇',
  '西河镇',
  '南湖镇',
  '北岭镇',
  '青石镇',
  '白沙镇',
  '红岩镇',
  '龙泉镇',
  '桃源镇',
  '金竹乡',
  '石门乡',
  '清水乡',
  '柳林乡',
  '枫树乡',
  '新城街道',
  '老城街道',
  '工业园街道',
];
const SUBJECTS = [
  '本村土地征收补偿安置方案及补偿标准',
  '某路段道路拓宽工程的规划许可文件',
  '2024年度城乡低保资金发放名单',
  '某小区建设工程竣工验收备案材料',
  '某企业环境影响评价报告及批复',
  '某宗地国有土地使用权出让合同',
  '房屋征收决定及社会稳定风险评估报告',
  '某项目立项批复文件',
  '县人民政府常务会议纪要',
  '某学校校舍改造工程招标文件',
  '某河道治理工程资金使用情况',
  '食品安全抽检结果',
  '某行政处罚决定书',
  '退役军人优待政策执行情况',
  '公共租赁住房分配名单',
  '农村危房改造补助对象名单',
  '政府债务余额情况',
  '某镇集体资产处置情况',
];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const ORGS: Record<Exclude<ApplicantType, 'natural_person'>, string[]> = {
  commercial: ['某某建设工程有限公司', '某某房地产开发有限公司', '某某农业科技有限公司'],
  research: ['某某大学法学院', '某某社会科学研究院'],
  nonprofit: ['某某环保公益基金会', '某某志愿者协会'],
  legal_service: ['某某律师事务所', '某某法律服务所'],
  other_org: ['某某村民委员会', '某某业主委员会'],
};

function creditCode(n: number): string {
  // 1 (机构编制) 1 (机关), region 360000 (a demo code), a 9-character body, then the GB 32100 check character.
  const body = `11360000${String(100000000 + n * 7919).slice(-8)}${'0123456789ABCDEFGHJKLMNPQRTUWXY'[n % 31]}`.slice(
    0,
    17,
  );
  return body + creditCodeCheckChar(body);
}

export interface DemoOptions {
  seed?: number;
  /** First year of cases (default: three years before the clock's). */
  fromYear?: number;
  /** Applications per year across the county (default 1,200). */
  perYear?: number;
  /** Catalog items per agency and year (default: the catalog's own). */
  catalogPerAgencyYear?: number;
  /** Last year with published annual reports (default: the year before the clock's). */
  reportsUpTo?: number;
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)];
}

function weighted<T>(rand: () => number, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r <= 0) return item;
  }
  return items[0][0];
}

export async function loadDemo(deps: { db: Db; clock: Clock }, opts: DemoOptions = {}) {
  const rand = prng(opts.seed ?? 2026);
  const db = deps.db;
  const today = deps.clock.today();
  const thisYear = Number(today.slice(0, 4));
  const fromYear = opts.fromYear ?? thisYear - 3;
  const perYear = opts.perYear ?? 1200;
  await seedCalendar(db, deps.clock.now());
  const calendar = await loadCalendar(db);

  // Agencies.
  const [county] = await db
    .insert(agencies)
    .values({
      id: 1,
      parentId: null,
      name: '示范县人民政府',
      kind: 'government',
      creditCode: creditCode(1),
      path: '/1/',
    })
    .returning();
  const units = [
    ...DEPARTMENTS.map((name, i) => ({
      id: 2 + i,
      parentId: 1,
      name: name.replace(/^县/, '示范县'),
      kind: 'department' as const,
      creditCode: creditCode(2 + i),
      path: `/1/${2 + i}/`,
    })),
    ...TOWNS.map((name, i) => {
      const id = 2 + DEPARTMENTS.length + i;
      return {
        id,
        parentId: 1,
        name: `${name}${name.endsWith('街道') ? '办事处' : '人民政府'}`,
        kind: 'town' as const,
        creditCode: creditCode(id),
        path: `/1/${id}/`,
      };
    }),
  ];
  await db.insert(agencies).values(units);
  await db.execute(
    // Identity sequences continue after the ids given explicitly.
    (await import('drizzle-orm'))
      .sql`select setval(pg_get_serial_sequence('agencies', 'id'), (select max(id) from agencies))`,
  );
  const allAgencies = [county, ...units];

  // Users.
  const hash = await hashPassword(DEMO_PASSWORD);
  const office = units[0];
  const demoUsers = [
    { username: 'admin', displayName: '系统管理员', agencyId: county.id, role: 'admin' as const },
    { username: 'supervisor', displayName: '县政务公开办 监督员', agencyId: county.id, role: 'supervisor' as const },
    { username: 'head', displayName: '县政府办 公开科科长', agencyId: county.id, role: 'office_head' as const },
    { username: 'staff', displayName: '县政府办 经办人', agencyId: county.id, role: 'staff' as const },
    { username: 'reviewer', displayName: '县政府办 保密审查员', agencyId: county.id, role: 'reviewer' as const },
    // 审发 by another person: each step of the review chain needs a different one (issue #12).
    { username: 'leader', displayName: '县政府办 分管负责人', agencyId: county.id, role: 'reviewer' as const },
    { username: 'office', displayName: '县政府办公室 经办人', agencyId: office.id, role: 'staff' as const },
    ...units.slice(1, 6).map((u, i) => ({
      username: `unit${i + 1}`,
      displayName: `${u.name} 经办人`,
      agencyId: u.id,
      role: 'office_head' as const,
    })),
  ];
  await db.insert(users).values(demoUsers.map((u) => ({ ...u, passwordHash: hash })));

  // Cases.
  const weights = allAgencies.map(
    (a, i) => [a, i === 0 ? 30 : a.kind === 'town' ? 3 : 6 + (i % 5)] as [typeof a, number],
  );
  const codes2019 = OUTCOMES.filter((o) => o.regime === '2019').map((o) => o.code);
  const outcomeWeights: [string, number][] = codes2019.map((c) => [
    c,
    c === 'granted'
      ? 40
      : c === 'partly_granted'
        ? 12
        : c.startsWith('unavailable.not_held')
          ? 14
          : c.startsWith('other.')
            ? 3
            : c.startsWith('withheld.')
              ? 2
              : 2,
  ]);
  const caseRows: (typeof cases.$inferInsert)[] = [];
  const pauseRows: {
    index: number;
    kind: 'third_party' | 'agency';
    party: string;
    fromOn: string;
    toOn: string | null;
    replyDueOn: string;
  }[] = [];
  const lastDay = addDays(today, -1);
  const start = `${fromYear}-01-04`;
  const span = Math.max(1, Math.round((Date.parse(lastDay) - Date.parse(start)) / 86_400_000));
  const total = Math.round((perYear * span) / 365);
  for (let i = 0; i < total; i++) {
    const agency = weighted(rand, weights);
    const receivedOn = addDays(start, Math.floor(rand() * span));
    const applicantType = weighted<ApplicantType>(rand, [
      ['natural_person', 82],
      ['commercial', 8],
      ['research', 2],
      ['nonprofit', 2],
      ['legal_service', 4],
      ['other_org', 2],
    ]);
    const channel = weighted<Channel>(rand, [
      ['online', 55],
      ['post', 20],
      ['in_person', 15],
      ['email', 8],
      ['fax', 2],
    ]);
    const name =
      applicantType === 'natural_person'
        ? `${pick(rand, [...SURNAMES])}${pick(rand, ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰'])}${rand() < 0.5 ? pick(rand, ['华', '明', '红', '平', '东']) : ''}`
        : pick(rand, ORGS[applicantType]);
    const row: typeof cases.$inferInsert & { dueOn: string; firstDueOn: string } = {
      agencyId: agency.id,
      trackingCode: newTrackingCode(),
      regime: '2019',
      applicantType,
      applicantName: name,
      idNumber:
        applicantType === 'natural_person'
          ? `3601${String(100000 + Math.floor(rand() * 899999))}${String(19500101 + Math.floor(rand() * 500000)).slice(0, 8)}`
          : null,
      phone: `13${Math.floor(100000000 + rand() * 899999999)}`,
      email: rand() < 0.3 ? `applicant${i}@example.com` : null,
      address: `示范县${pick(rand, TOWNS)}某村${1 + Math.floor(rand() * 20)}号`,
      channel,
      receivedOn,
      subject: pick(rand, SUBJECTS),
      formWanted: pick(rand, ['电子', '纸质', '邮寄', '电子邮件']),
      dueOn: receivedOn,
      firstDueOn: receivedOn,
      createdAt: new Date(`${receivedOn}T09:00:00+08:00`),
      updatedAt: new Date(`${receivedOn}T09:00:00+08:00`),
    };
    const pauses: { from: string; to: string; replyDueOn: string; kind: 'third_party' | 'agency'; party: string }[] =
      [];
    if (rand() < 0.08) {
      row.correctionRequestedOn = addDays(receivedOn, 2 + Math.floor(rand() * 4));
      row.correctionDeadline = addDays(row.correctionRequestedOn, 15);
      if (rand() < 0.8) row.correctionReceivedOn = addDays(row.correctionRequestedOn, 3 + Math.floor(rand() * 10));
    }
    if (rand() < 0.06) {
      const from = addDays(row.correctionReceivedOn ?? receivedOn, 5);
      const replyDueOn = consultationReplyDue(from, calendar);
      const kind = rand() < 0.7 ? 'third_party' : 'agency';
      pauses.push({
        from,
        to: addDays(from, 5 + Math.floor(rand() * 12)),
        replyDueOn,
        kind,
        party: kind === 'third_party' ? '某某建设工程有限公司' : '示范县自然资源局',
      });
    }
    row.extended = rand() < 0.07;
    let due: ReturnType<typeof dueOf>;
    try {
      due = dueOf(
        {
          ...NEW_CASE_CLOCK,
          receivedOn,
          regime: '2019',
          correctionReceivedOn: row.correctionReceivedOn ?? null,
          extended: row.extended,
        },
        pauses.map((p) => ({ kind: p.kind, fromOn: p.from, toOn: p.to, partyReceivedOn: null })),
        calendar,
        today,
      );
    } catch {
      continue; // a period running past the calendar's last year: leave it out of the demo
    }
    Object.assign(row, due);
    if (row.extended) {
      row.extendedOn = addDays(due.firstDueOn, -3);
    }
    const openWindow = addDays(today, -45);
    const stillOpen = receivedOn > openWindow && rand() < 0.6;
    if (row.correctionRequestedOn && !row.correctionReceivedOn) {
      if (row.correctionDeadline! < today) {
        row.state = 'replied';
        row.outcome = 'other.no_correction';
        row.closedOn = addDays(row.correctionDeadline!, 1);
      } else row.state = 'awaiting_correction';
    } else if (stillOpen) {
      // Open cases received a month or more ago are overdue, as in life: their clock says so (nothing is faked).
      row.state = pauses.length && pauses[0].to >= today ? 'consulting' : 'received';
    } else {
      const outcomeCode = weighted(rand, outcomeWeights);
      if (outcomeCode === 'other.fee_unpaid') {
        row.feeYuan = 200 * (1 + Math.floor(rand() * 5));
        row.feeNoticeOn = addDays(receivedOn, 5);
        row.feeDueOn = feePaymentDue(row.feeNoticeOn, calendar);
        row.closedOn = addDays(row.feeDueOn, 1);
      } else {
        const latest = due.dueOn < lastDay ? due.dueOn : lastDay;
        const span2 = Math.max(1, Math.round((Date.parse(latest) - Date.parse(receivedOn)) / 86_400_000));
        row.closedOn = addDays(receivedOn, 1 + Math.floor(rand() * span2));
      }
      if (row.closedOn! > lastDay) row.closedOn = lastDay;
      row.state = outcomeCode === 'other.other' && rand() < 0.5 ? 'withdrawn' : 'replied';
      row.outcome = outcomeCode;
    }
    // The stored clock from the case's final facts, as its events will fold them (src/cases/case-events.ts).
    const storedPauses = pauses.map((p) => ({
      kind: p.kind,
      fromOn: p.from,
      toOn: p.to < today ? p.to : null,
      partyReceivedOn: null,
    }));
    try {
      Object.assign(
        row,
        dueOf(
          {
            ...NEW_CASE_CLOCK,
            receivedOn,
            regime: '2019',
            state: row.state ?? 'received',
            correctionReceivedOn: row.correctionReceivedOn ?? null,
            extended: row.extended ?? false,
            feeNoticeOn: row.feeNoticeOn ?? null,
            feePaidOn: row.feePaidOn ?? null,
          },
          storedPauses,
          calendar,
          today,
        ),
      );
    } catch {
      continue;
    }
    for (const p of pauses)
      pauseRows.push({
        index: caseRows.length,
        kind: p.kind,
        party: p.party,
        fromOn: p.from,
        toOn: p.to < today ? p.to : null,
        replyDueOn: p.replyDueOn,
      });
    caseRows.push(row);
  }
  const ids: number[] = [];
  for (let i = 0; i < caseRows.length; i += 1000) {
    const inserted = await db
      .insert(cases)
      .values(caseRows.slice(i, i + 1000))
      .returning({ id: cases.id });
    ids.push(...inserted.map((r) => r.id));
  }
  if (pauseRows.length) {
    await db.insert(casePauses).values(pauseRows.map(({ index, ...p }) => ({ ...p, caseId: ids[index] })));
  }
  // Each case as its statutory events (src/cases/case-events.ts): the clock is folded from them.
  const events = await backfillCaseEvents(db, today);
  const appealRows: (typeof appeals.$inferInsert)[] = [];
  caseRows.forEach((c, i) => {
    if (!c.closedOn || c.outcome === 'granted' || rand() > 0.04) return;
    const kind = weighted<'review' | 'litigation_direct' | 'litigation_after_review'>(rand, [
      ['review', 70],
      ['litigation_direct', 20],
      ['litigation_after_review', 10],
    ]);
    const filedOn = addDays(c.closedOn, 20 + Math.floor(rand() * 40));
    if (filedOn > lastDay) return;
    const decidedOn = addDays(filedOn, 60 + Math.floor(rand() * 90));
    const decided = decidedOn <= lastDay;
    appealRows.push({
      caseId: ids[i],
      agencyId: c.agencyId,
      kind,
      filedOn,
      outcome: decided
        ? weighted(rand, [
            ['upheld', 75],
            ['corrected', 15],
            ['other', 10],
          ] as ['upheld' | 'corrected' | 'other', number][])
        : 'pending',
      decidedOn: decided ? decidedOn : null,
    });
  });
  if (appealRows.length) await db.insert(appeals).values(appealRows);
  await db.insert(auditEvents).values({
    at: deps.clock.now(),
    actorId: null,
    action: 'demo.loaded',
    entityType: 'system',
    data: { cases: ids.length, appeals: appealRows.length, agencies: allAgencies.length },
  });

  // The catalog: a few thousand items over the same years, with 政策解读, repealed documents, figures.
  const years = Array.from({ length: thisYear - fromYear + 1 }, (_, i) => fromYear + i);
  await seedDemoCatalog(db, {
    agencyIds: allAgencies.map((a) => a.id),
    years,
    seed: opts.seed ?? 2026,
    perAgencyYear: opts.catalogPerAgencyYear,
  });
  // The 基层政务公开标准目录: templates, a few units' adopted items, catalog items tagged, one due item missing.
  await seedDemoStandardDirectory(db, { today, at: deps.clock.now() });

  // Published annual reports for the finished years: the county's consolidated one and each unit's own.
  const reports: (typeof annualReports.$inferInsert)[] = [];
  for (let year = fromYear; year <= (opts.reportsUpTo ?? thisYear - 1); year++) {
    for (const agency of allAgencies) {
      const report = await computeAgencyReport(db, { agencyId: agency.id, year, subtree: agency.id === county.id });
      report.narrative = {
        overview: `${year}年，${agency.name}认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，依法做好主动公开和依申请公开工作。`,
        problems: demoProblems(agency.id, year),
        other: '本年度未收取信息处理费。',
      };
      const findings = check(report);
      reports.push({
        origin: 'computed',
        agencyId: agency.id,
        issuer: agency.name,
        bodyKey: bodyKey(agency.name),
        year,
        format: report.format,
        countScope: agency.id === county.id ? 'subtree' : 'own',
        values: report.values,
        narrative: report.narrative,
        findings,
        errorCount: findings.filter((f) => f.severity === 'error').length,
        status: 'published',
        lockedAt: new Date(`${year + 1}-01-20T10:00:00+08:00`),
        publishedAt: new Date(`${year + 1}-01-25T10:00:00+08:00`),
      });
    }
  }
  for (let i = 0; i < reports.length; i += 200) await db.insert(annualReports).values(reports.slice(i, i + 200));
  return {
    agencies: allAgencies.length,
    users: demoUsers.map((u) => u.username),
    cases: ids.length,
    /** Cases whose due date folded from their events differs from the one generated: none, if the demo is right. */
    eventsChanged: events.changed,
    appeals: appealRows.length,
    reports: reports.length,
  };
}

/** True when the database holds no agency yet (a fresh install). */
export async function isEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ id: agencies.id }).from(agencies).limit(1);
  return rows.length === 0;
}

/** Section 五 of the demo's reports: what units write, different from year to year — except every tenth unit,
 * which copies last year's text, as the 年报审核 finds in real reports. */
const DEMO_PROBLEMS = [
  '政策解读的针对性有待加强，解读形式较为单一。',
  '依申请公开答复文书的规范化水平有待提高，个别答复说理不够充分。',
  '部分栏目更新不够及时，基层公开标准目录的对照检查还不够细。',
  '政府信息公开工作人员多为兼职，业务培训覆盖面不足。',
  '主动公开信息的可读性有待提高，图表解读、视频解读较少。',
  '重点领域信息公开的深度不够，公开内容与群众需求存在差距。',
  '政务新媒体与门户网站的信息发布协同不够。',
];
const DEMO_IMPROVEMENTS = [
  '下一步将加强业务培训，完善答复文书模板。',
  '下一步将建立栏目更新台账，按月检查。',
  '下一步将推行多元化解读，做到政策文件与解读材料同步发布。',
  '下一步将对照标准目录逐项梳理，补齐公开内容。',
  '下一步将健全依申请公开办理流程，加强法制审核。',
];

function demoProblems(agencyId: number, year: number): string {
  const y = agencyId % 10 === 3 ? 0 : year; // every tenth unit copies the same text each year
  const pick = <T>(list: T[], n: number) => list[(agencyId * 7 + y * 3 + n) % list.length];
  return `${pick(DEMO_PROBLEMS, 0)}${pick(DEMO_PROBLEMS, 2)}${pick(DEMO_IMPROVEMENTS, 1)}`;
}
