/**
 * Issue #12's acceptance in chromium: an administrator creates an agency and a user; the user signs in, is
 * made to change the one-time password, and handles a case of that agency only.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiveApplication } from '../src/cases/actions/receive-application.ts';
import { fixedClock } from '../src/clock.ts';
import { makeAgencyTree, makeUser, TEST_PASSWORD } from '../src/db/factories.ts';
import { createTestDb, type TestDb } from '../src/db/testing.ts';
import { createSite } from '../src/web/site.ts';
import { CHROMIUM, closeAll, launchBrowser, listen } from './harness.ts';

const clock = fixedClock('2026-12-03T10:00:00+08:00');
let t: TestDb;
let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let tree: Awaited<ReturnType<typeof makeAgencyTree>>;
let otherCase = 0;

describe.skipIf(!CHROMIUM)('administration in the browser', () => {
  beforeAll(async () => {
    t = await createTestDb();
    tree = await makeAgencyTree(t.db);
    await makeUser(t.db, { agency: tree.county, role: 'admin', username: 'sysadmin', displayName: '管理员' });
    otherCase = (
      await receiveApplication(
        { db: t.db, clock },
        {
          user: null,
          application: {
            agencyId: tree.education.id,
            applicantType: 'natural_person',
            applicantName: '赵六',
            idNumber: '11010519491231002X',
            phone: '13812345678',
            channel: 'online',
            subject: '教育局2026年校舍维修资金使用情况',
          },
        },
      )
    ).id;
    server = await listen(createSite({ db: t.db, clock, secret: 'e2e-admin', log: () => {} }));
    browser = await launchBrowser();
  }, 120_000);
  afterAll(() => closeAll(browser, server, t));

  it('an agency and a user created, the password changed at the first sign-in, one agency handled', async () => {
    const admin = await browser.newPage();
    await admin.goto(`${server.url}/login`);
    await admin.getByLabel('用户名').fill('sysadmin');
    await admin.getByLabel('密码').fill(TEST_PASSWORD);
    await admin.getByRole('button', { name: '登录' }).click();
    await admin.waitForURL(/\/console/);

    // 机构管理: a new 部门 under the county.
    await admin.getByRole('link', { name: '机构管理' }).click();
    await admin.getByLabel('机关名称', { exact: true }).fill('示范县数据资源局');
    await admin.getByLabel('机关类型').selectOption({ label: '部门' });
    await admin.getByLabel('上级机关', { exact: true }).selectOption({ label: tree.county.name });
    await admin.getByRole('button', { name: '新增机关' }).click();
    await expect.poll(() => admin.locator('#agencies').textContent()).toContain('示范县数据资源局');

    // 用户管理: 周敏 of that bureau, a 经办人员.
    await admin.getByRole('link', { name: '用户管理' }).click();
    await admin.getByLabel('用户名（登录名）').fill('zhou.min');
    await admin.getByLabel('姓名').fill('周敏');
    await admin.getByLabel('所属机关').first().selectOption({ label: '　示范县数据资源局' });
    await admin.getByLabel('角色').first().selectOption({ label: '经办人员' });
    await admin.getByRole('button', { name: '新增用户并生成初始密码' }).click();
    const oneTime = (await admin.locator('#one-time-password code').textContent()) ?? '';
    expect(oneTime).toMatch(/^\S{4}-\S{4}-\S{4}$/);

    // A case filed with the new bureau, then 周敏 signs in.
    const [bureau] = (await t.db.query.agencies.findMany()).filter((a) => a.name === '示范县数据资源局');
    const ownCase = await receiveApplication(
      { db: t.db, clock },
      {
        user: null,
        application: {
          agencyId: bureau.id,
          applicantType: 'natural_person',
          applicantName: '钱七',
          idNumber: '11010519491231002X',
          phone: '13812345678',
          channel: 'online',
          subject: '示范县2026年政务数据共享目录',
        },
      },
    );
    const user = await browser.newPage();
    await user.goto(`${server.url}/login`);
    await user.getByLabel('用户名').fill('zhou.min');
    await user.getByLabel('密码').fill(oneTime);
    await user.getByRole('button', { name: '登录' }).click();
    await user.waitForURL(/\/console\/account\/password/);
    expect(await user.getByRole('alert').first().textContent()).toContain('请先修改');
    // Any other console page brings the user back here until the password is changed.
    await user.goto(`${server.url}/console/cases`);
    await user.waitForURL(/\/console\/account\/password/);
    await user.getByLabel('当前密码').fill(oneTime);
    await user.getByLabel('新密码', { exact: true }).fill('Shuju-gk-2026');
    await user.getByLabel('再次输入新密码').fill('Shuju-gk-2026');
    await user.getByRole('button', { name: '修改密码' }).click();
    await expect.poll(() => user.locator('[role=status]').textContent()).toContain('密码已修改');

    await user.goto(`${server.url}/console/cases/${ownCase.id}`);
    expect(await user.locator('main').textContent()).toContain('示范县2026年政务数据共享目录');
    const other = await user.goto(`${server.url}/console/cases/${otherCase}`);
    expect([403, 404]).toContain(other?.status());
    await admin.close();
    await user.close();
  }, 90_000);
});
