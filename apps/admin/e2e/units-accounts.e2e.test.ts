// Issue 13 in a real browser: the office renames a unit and finds it by its old name and by an
// abbreviation; a new reporter must change the one-time password before the app opens; the audit
// log tells both in Chinese, with names, not ids.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AdminSession, useAdminSession } from './admin-session';
import { gqlAs, shoot } from './page-tools';
import { chinaContext, loginToken } from './session';

const OLD_NAME = '区水务局';
const NEW_NAME = '区水务管理局';
const REPORTER = 'shuiwu-tianbao';
const NEW_PASSWORD = 'a river of ten thousand li';

const unitRows = (p: Page) => p.locator('.ant-table-tbody tr.ant-table-row');

async function searchUnits(p: Page, text: string): Promise<void> {
  const box = p.getByLabel('搜索单位');
  await box.fill(text);
  await box.press('Enter');
}

describe('units and accounts, administered from the app', () => {
  const session = useAdminSession();
  let gateway: AdminSession['gateway'];
  let browser: AdminSession['browser'];
  let page: Page;
  let adminToken = '';
  beforeAll(() => {
    ({ gateway, browser, page, token: adminToken } = session());
  });

  it('renames a unit; its old name and an abbreviation still find it', async () => {
    await page.goto(`${gateway.url}/units`);
    await searchUnits(page, OLD_NAME);
    const row = unitRows(page).filter({ hasText: OLD_NAME }).first();
    await row.getByRole('button', { name: /编\s*辑/ }).click();
    const name = page.getByLabel('单位名称');
    await expect.poll(() => name.inputValue()).toBe(OLD_NAME);
    await name.fill(NEW_NAME);
    await shoot(page, 'units-01-edit');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('单位已保存').waitFor();
    // The search by the old name now shows the renamed unit, with the old name among its aliases.
    await searchUnits(page, OLD_NAME);
    await expect.poll(() => unitRows(page).filter({ hasText: NEW_NAME }).count()).toBe(1);
    await expect.poll(() => unitRows(page).first().textContent()).toContain(OLD_NAME);
    await shoot(page, 'units-02-found-by-old-name');
    // 区教育局 is no alias of 区教育科技局, but an abbreviation of it.
    await searchUnits(page, '区教育局');
    await expect.poll(() => unitRows(page).filter({ hasText: '区教育科技局' }).count()).toBe(1);
  });

  it('a new reporter must change the one-time password before the app opens', async () => {
    const created = await gqlAs<{ createUser: { password: string } }>(
      gateway.url,
      adminToken,
      'mutation($input: CreateUserInput!) { createUser(input: $input) { password } }',
      { input: { username: REPORTER, role: 'REPORTER', unitId: 'water' } },
    );
    const oneTime = created.createUser.password;
    const context = await chinaContext(browser);
    const p = await context.newPage();
    try {
      await p.goto(`${gateway.url}/login`);
      await p.getByLabel('用户名').fill(REPORTER);
      await p.getByLabel('密码').fill(oneTime);
      await p.getByRole('button', { name: /登\s*录/ }).click();
      const form = p.getByTestId('must-change-password');
      await form.waitFor();
      await p.getByText('请先修改初始密码').waitFor();
      // Nothing else of the app is offered meanwhile.
      expect(await p.getByTestId('decomposition-table').count()).toBe(0);
      await shoot(p, 'accounts-01-must-change');
      await form.getByLabel('初始密码').fill(oneTime);
      await form.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
      await form.getByLabel('确认新密码').fill(NEW_PASSWORD);
      await form.getByRole('button', { name: /修改密码/ }).click();
      await p.getByText('密码已修改').first().waitFor();
      await expect.poll(() => p.getByTestId('must-change-password').count()).toBe(0);
      await expect.poll(() => p.getByTestId('viewer').textContent()).toContain(NEW_NAME);
      await shoot(p, 'accounts-02-changed');
    } finally {
      await context.close();
    }
    // The new password signs in; the one-time password no longer does.
    expect(await loginToken(gateway.url, REPORTER, NEW_PASSWORD)).toBeTruthy();
    await expect(loginToken(gateway.url, REPORTER, oneTime)).rejects.toThrow();
  });

  it('reads both in the audit log in Chinese, with names, not ids', async () => {
    await page.goto(`${gateway.url}/audit`);
    const filter = page.getByLabel('按操作筛选');
    await filter.fill('修改单位');
    await filter.press('Enter');
    const unitEntry = page.locator('.ant-table-row', { hasText: '修改单位' }).first();
    await unitEntry.waitFor();
    await expect.poll(() => unitEntry.textContent()).toContain(`单位 ${NEW_NAME}`);
    expect(await unitEntry.textContent()).toContain(gateway.adminUsername);
    await unitEntry.locator('.ant-table-row-expand-icon').click();
    const changes = page.locator('.ant-table-expanded-row').first();
    await expect.poll(() => changes.textContent()).toContain('名称');
    expect(await changes.textContent()).toContain(OLD_NAME);
    expect(await changes.textContent()).toContain(NEW_NAME);
    await shoot(page, 'audit-01-rename');

    await filter.fill('修改密码');
    await filter.press('Enter');
    const passwordEntry = page.locator('.ant-table-row', { hasText: '修改密码' }).first();
    await passwordEntry.waitFor();
    await expect.poll(() => passwordEntry.textContent()).toContain(`用户 ${REPORTER}`);
    // No raw id (a cuid) anywhere in the table.
    const text = (await page.locator('.ant-table').first().textContent()) ?? '';
    expect(text).not.toMatch(/\bc[a-z0-9]{20,}\b/);
    expect(text).not.toMatch(/Unit|User|Assignment/);
    await shoot(page, 'audit-02-password');
  });
});
