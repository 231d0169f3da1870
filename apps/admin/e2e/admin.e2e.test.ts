// The district office's and a unit reporter's day, in a real browser against the real gateway:
// log in as admin, see the seed plan's 31 items, create a reporter for 区教育科技局, log in as that
// reporter, record progress on one of its items, see the status change, run the assessment, export
// the table. Every page is photographed into e2e/screenshots/ for review.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertPrerequisites,
  launchBrowser,
  REPO_ROOT,
  type RunningGateway,
  SCREENSHOTS,
  startGateway,
} from './harness';
import { chinaContext } from './session';

const SEED_ITEMS = 31;
const SEED_DOCX = path.join(REPO_ROOT, 'packages', 'plan-io', 'test', 'fixtures', 'qixingguan-2020.docx');
const UNIT = '区教育科技局';
const REPORTER = 'jiaoke-tianbao';

let gateway: RunningGateway;
let browser: Browser;
let admin: BrowserContext;
let page: Page;
let reporterPassword = '';
let exportedXlsx = '';
let exportedRows = 0;

const previewCount = (p: Page) =>
  p.locator('.ant-statistic', { hasText: '工作任务' }).locator('.ant-statistic-content').textContent();

const rows = (p: Page) => p.locator('[data-testid="decomposition-table"] tr[data-row-key]');

async function shoot(p: Page, name: string): Promise<void> {
  // Let charts and fonts settle so the picture shows what a person sees.
  await p.evaluate(() => document.fonts.ready);
  await p.waitForTimeout(300);
  await p.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

async function logIn(p: Page, username: string, password: string): Promise<void> {
  await p.goto(`${gateway.url}/login`);
  await p.getByLabel('用户名').fill(username);
  await p.getByLabel('密码').fill(password);
  await p.getByRole('button', { name: /登\s*录/ }).click();
  await p.getByTestId('viewer').waitFor();
  // A new user's one-time password must be changed first (issue 13): the layout shows only the form.
  if ((await p.getByTestId('password-gate').count()) > 0) {
    const form = p.getByTestId('must-change-password');
    const fresh = `${password}-changed-once`;
    await form.getByLabel('初始密码').fill(password);
    await form.getByLabel('新密码', { exact: true }).fill(fresh);
    await form.getByLabel('确认新密码').fill(fresh);
    await form.getByRole('button', { name: /修改密码/ }).click();
    await expect.poll(() => p.getByTestId('password-gate').count()).toBe(0);
  }
}

async function setAsOf(p: Page, chineseDate: string): Promise<void> {
  // The picker loads after the page (its own chunk); until then a read-only field shows the date.
  const input = p.locator('input[aria-label="统计日期"]:not([readonly])');
  await input.click();
  await input.fill(chineseDate);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(chineseDate);
}

beforeAll(async () => {
  assertPrerequisites();
  mkdirSync(SCREENSHOTS, { recursive: true });
  gateway = await startGateway();
  browser = await launchBrowser();
  admin = await chinaContext(browser, { acceptDownloads: true });
  page = await admin.newPage();
});

afterAll(async () => {
  // The gateway's log explains a failure on its side (QXG_E2E_LOG=1 prints it always).
  if (process.env.QXG_E2E_LOG === '1') console.log(gateway?.output());
  await browser?.close();
  await gateway?.stop();
});

describe('admin app against the real gateway', () => {
  it('logs the administrator in with the password the gateway was started with', async () => {
    await page.goto(`${gateway.url}/`);
    await page.waitForURL('**/login');
    await page.getByLabel('用户名').waitFor();
    await shoot(page, '01-login');
    await logIn(page, gateway.adminUsername, gateway.adminPassword);
    await expect.poll(() => page.getByTestId('viewer').textContent()).toContain('管理员');
  });

  it('shows the overview of the seed plan as of a chosen date', async () => {
    await page.goto(`${gateway.url}/`);
    await setAsOf(page, '2020年9月30日');
    await page.getByText('各类别完成率').waitFor();
    await page.locator('canvas').first().waitFor();
    await expect.poll(() => page.getByText('七星府办通〔2020〕84号').count()).toBeGreaterThan(0);
    await shoot(page, '02-overview');
  });

  it(`shows the seed plan's ${SEED_ITEMS} work items in the decomposition table, merged by category and key task`, async () => {
    await page.goto(`${gateway.url}/table`);
    await rows(page).first().waitFor();
    await expect.poll(() => rows(page).count()).toBe(SEED_ITEMS);
    expect(await page.locator('[data-testid="decomposition-table"] td[rowspan]').count()).toBeGreaterThan(0);
    await shoot(page, '03-table');
    // Keyboard: focus the first row, ↓ to the second, Enter opens it.
    await rows(page).first().focus();
    await page.keyboard.press('ArrowDown');
    const second = await rows(page).nth(1).getAttribute('data-row-key');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/items/${encodeURIComponent(second ?? '')}`);
    await page.getByText('牵头单位与责任单位').waitFor();
    await shoot(page, '04-work-item');
  });

  it('filters the table by search text and by status', async () => {
    await page.goto(`${gateway.url}/table?q=${encodeURIComponent('脱贫')}`);
    await rows(page).first().waitFor();
    await expect.poll(() => rows(page).count()).toBeLessThan(SEED_ITEMS);
    expect(await rows(page).count()).toBeGreaterThan(0);
    await shoot(page, '03b-table-search');
    await page.goto(`${gateway.url}/table?status=DONE_ON_TIME`);
    await page.getByText('没有符合筛选条件的工作任务').waitFor();
  });

  it('creates a reporter for 区教育科技局 and shows the one-time password', async () => {
    await page.goto(`${gateway.url}/users`);
    await page.getByRole('button', { name: /新建用户/ }).click();
    await page.getByLabel('用户名').fill(REPORTER);
    const unit = page.locator('#unitId');
    await unit.click();
    await unit.fill(UNIT);
    await page.locator('.ant-select-item-option', { hasText: UNIT }).first().click();
    await page.getByRole('button', { name: /创\s*建/ }).click();
    reporterPassword = ((await page.getByTestId('one-time-password').textContent()) ?? '').trim();
    expect(reporterPassword.length).toBeGreaterThan(5);
    await shoot(page, '05-user-created');
    await page.getByRole('button', { name: '我已记下密码' }).click();
    await expect.poll(() => page.getByRole('cell', { name: REPORTER }).count()).toBe(1);
    await shoot(page, '06-users');
  });

  it('shows the units, events and audit log pages', async () => {
    await page.goto(`${gateway.url}/units`);
    await page.getByRole('link', { name: UNIT }).first().waitFor();
    await shoot(page, '07-units');
    await page.getByRole('link', { name: UNIT }).first().click();
    await page.getByText('承担的工作任务').waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await shoot(page, '08-unit');
    await page.goto(`${gateway.url}/events`);
    await page.getByText('方案之外').waitFor();
    await shoot(page, '09-events');
    await page.goto(`${gateway.url}/audit`);
    await page.getByRole('cell', { name: '新建用户' }).first().waitFor();
    await shoot(page, '10-audit');
  });

  it('lets the reporter record progress on its own item and shows the status change', async () => {
    const context = await chinaContext(browser);
    const p = await context.newPage();
    try {
      await logIn(p, REPORTER, reporterPassword);
      await expect.poll(() => p.getByTestId('viewer').textContent()).toContain(UNIT);
      // The reporter's menu offers no admin pages.
      expect(await p.getByRole('menuitem', { name: /用户|审计日志|导入/ }).count()).toBe(0);
      // Every seed item names 区政府其他工作部门 or 各工作部门, so the bureau has a duty on each; the
      // table shows only its own unit's filter, and an item only its own unit's duty.
      await p.goto(`${gateway.url}/table`);
      await rows(p).first().waitFor();
      await expect.poll(() => p.getByText('仅显示本单位').count()).toBe(1);
      await shoot(p, '11-reporter-table');
      await p.goto(`${gateway.url}/table?q=${encodeURIComponent('学前教育')}`);
      await expect.poll(() => rows(p).count()).toBeLessThan(SEED_ITEMS);

      await rows(p).first().focus();
      await p.keyboard.press('Enter');
      await p.getByText('牵头单位与责任单位').waitFor();
      const units = await p.locator('.ant-table-row td:first-child a').allTextContents();
      expect(units).toEqual([UNIT]);
      const statusCell = p.locator('.ant-table-row').first().locator('[data-status]').first();
      const before = await statusCell.getAttribute('data-status');
      // Only its own unit's rows, each with the action.
      await p
        .getByRole('button', { name: /报送进展/ })
        .first()
        .click();
      const dialog = p.getByRole('dialog');
      await dialog.locator('#state').click();
      await p.locator('.ant-select-item-option', { hasText: '已完成' }).click();
      await dialog.locator('#note').fill('已在区政府网站政务公开专栏发布。');
      await dialog.getByLabel('佐证网址').first().fill('http://www.qxgq.gov.cn/zwgk/2020/jyj.html');
      await dialog.getByLabel('栏目').first().fill('政府信息公开/重点领域信息公开');
      await shoot(p, '12-record-progress');
      await dialog.getByRole('button', { name: /提\s*交/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => statusCell.getAttribute('data-status')).not.toBe(before);
      const after = await statusCell.getAttribute('data-status');
      // Overdue or stale before; done (or, for a standing duty, kept up) after.
      expect(['DONE_ON_TIME', 'DONE_LATE', 'MET', 'ONGOING']).toContain(after);
      await p.getByText('已在区政府网站政务公开专栏发布。').first().waitFor();
      await shoot(p, '13-status-changed');
    } finally {
      await context.close();
    }
  });

  it('runs the assessment and shows the ranking with grades', async () => {
    await page.goto(`${gateway.url}/assessment`);
    await page.getByRole('button', { name: /运行考核/ }).click();
    await page.locator('.ant-table-row').first().waitFor();
    expect(await page.locator('.ant-table-row .ant-tag').count()).toBeGreaterThan(0);
    await shoot(page, '14-assessment');
    await page.getByRole('tab', { name: '考核方案' }).click();
    await page.getByText('计分方法').first().waitFor();
    await shoot(page, '15-assessment-scheme');
  });

  it('runs the assessment as of 2027-01-04, past the working-day calendar, and flags its estimated days', async () => {
    await page.goto(`${gateway.url}/assessment`);
    await setAsOf(page, '2027年1月4日');
    await page.getByRole('button', { name: /运行考核/ }).click();
    await page.getByTestId('estimated-notice').waitFor();
    expect(await page.getByTestId('estimated-notice').textContent()).toContain(
      '部分日期超出工作日历,按周末估算',
    );
    expect(await page.locator('.ant-table-row').count()).toBeGreaterThan(0);
    await shoot(page, '14b-assessment-estimated');
    await page.getByRole('button', { name: '回到今天' }).click();
    await page.getByRole('button', { name: '回到今天' }).waitFor({ state: 'hidden' });
  });

  it('offers an analyst everything to read and nothing to change', async () => {
    const token = await page.evaluate(() => localStorage.getItem('qxg.token'));
    const created = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query:
          'mutation($input: CreateUserInput!) { createUser(input: $input) { password userErrors { message { zh } } } }',
        variables: { input: { username: 'fenxi', role: 'ANALYST' } },
      }),
    });
    const password = ((await created.json()) as { data: { createUser: { password: string } } }).data
      .createUser.password;
    const context = await chinaContext(browser);
    const p = await context.newPage();
    try {
      await logIn(p, 'fenxi', password);
      await expect.poll(() => p.getByTestId('viewer').textContent()).toContain('分析员');
      expect(await p.getByRole('menuitem', { name: /用户|审计日志|导入/ }).count()).toBe(0);
      await p.goto(`${gateway.url}/table`);
      await rows(p).first().focus();
      await p.keyboard.press('Enter');
      await p.getByText('牵头单位与责任单位').waitFor();
      await p.locator('.ant-table-row').first().waitFor();
      expect(await p.getByRole('button', { name: /报送进展/ }).count()).toBe(0);
      await p.goto(`${gateway.url}/assessment`);
      await p.getByText(/考核日期/).waitFor();
      expect(await p.getByRole('button', { name: /运行考核/ }).count()).toBe(0);
      await shoot(p, '18-analyst-assessment');
      await p.getByRole('tab', { name: '考核方案' }).click();
      expect(await p.getByRole('button', { name: /保存考核方案/ }).count()).toBe(0);
      await p.goto(`${gateway.url}/events`);
      await p.getByText('方案之外').waitFor();
      expect(await p.getByRole('button', { name: /登记事件/ }).count()).toBe(0);
      await p.goto(`${gateway.url}/users`);
      await p.getByText('无权访问').waitFor();
    } finally {
      await context.close();
    }
  });

  it('exports the decomposition table as XLSX with all items and merged cells', async () => {
    await page.goto(`${gateway.url}/table`);
    await rows(page).first().waitFor();
    // The whole table: the gateway's own XLSX of the decomposition table with statuses.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /导出 XLSX/ }).click(),
    ]);
    const file = path.join(tmpdir(), `qxg-e2e-${Date.now()}.xlsx`);
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const rowsPerSheet = book.worksheets.map((w) => w.actualRowCount);
    // The table sheet: a header, then at least one row per work item.
    expect(Math.max(...rowsPerSheet)).toBeGreaterThanOrEqual(SEED_ITEMS + 1);
    const texts = book.worksheets.flatMap((w) => w.getSheetValues().flat().map(String));
    expect(texts.some((t) => t.includes('区教育科技局'))).toBe(true);

    // A filtered view is written in the browser, as shown (merged 类别 and 重点任务 cells).
    await page.goto(`${gateway.url}/table?q=${encodeURIComponent('公开')}`);
    await rows(page).first().waitFor();
    exportedRows = await rows(page).count();
    const [filteredDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /导出筛选结果 XLSX/ }).click(),
    ]);
    exportedXlsx = path.join(tmpdir(), `qxg-e2e-filtered-${Date.now()}.xlsx`);
    await filteredDownload.saveAs(exportedXlsx);
    const filtered = new ExcelJS.Workbook();
    await filtered.xlsx.readFile(exportedXlsx);
    expect(filtered.worksheets[0]?.actualRowCount).toBe(exportedRows + 2);
  });

  it('reads the exported table back on the import page, shows the parsed plan and its findings, and imports it', async () => {
    expect(exportedXlsx).not.toBe('');
    await page.goto(`${gateway.url}/import`);
    await page.getByRole('tab', { name: '上传文件' }).click();
    await page.locator('input[type="file"]').setInputFiles(exportedXlsx);
    await page.getByLabel('方案标识').fill('qxg-2020-copy');
    await page.getByLabel('标题').fill('七星关区2020年政务公开工作实施方案(导入副本)');
    await page.getByLabel('文号').fill('七星府办通〔2020〕99号');
    await page.getByLabel('发文机关').fill('毕节市七星关区人民政府办公室');
    const issued = page.getByLabel('成文日期');
    await issued.click();
    await issued.fill('2020年6月4日');
    await issued.press('Enter');
    await page.getByLabel('年度').fill('2020');
    await page.getByRole('button', { name: /解析预览/ }).click();
    await page.getByText('任务分解表预览').waitFor();
    await expect.poll(async () => (await previewCount(page))?.trim()).toBe(String(exportedRows));
    await shoot(page, '16-import-preview');
    await page.getByRole('button', { name: /确认导入/ }).click();
    await page.getByText(/已导入“/).waitFor();
    await shoot(page, '17-imported');
  });

  it('previews the seed plan uploaded as a Word file (.docx): the same 31 work items, no error', async () => {
    await page.goto(`${gateway.url}/import`);
    await page.getByRole('tab', { name: '上传文件' }).click();
    await page.locator('input[type="file"]').setInputFiles(SEED_DOCX);
    await page.getByRole('button', { name: /解析预览/ }).click();
    await page.getByText('任务分解表预览').waitFor();
    await expect.poll(async () => (await previewCount(page))?.trim()).toBe(String(SEED_ITEMS));
    // Read as Word (from the file's bytes), its notice read too, and no error finding.
    await page.locator('.ant-descriptions').getByText('Word 文档(.docx)', { exact: true }).waitFor();
    await page.locator('.ant-descriptions').getByText('七星府办通〔2020〕84号').waitFor();
    expect(await page.locator('.ant-list .ant-tag', { hasText: '错误' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /确认导入/ }).isEnabled()).toBe(true);
    await shoot(page, '16b-import-docx-preview');
  });

  it('is usable at 768 px: the menu button leaves the plan picker free, the table scrolls sideways', async () => {
    const token = await page.evaluate(() => localStorage.getItem('qxg.token'));
    const context = await chinaContext(browser, { viewport: { width: 768, height: 1024 } });
    await context.addInitScript((t) => localStorage.setItem('qxg.token', t ?? ''), token);
    const p = await context.newPage();
    try {
      await p.goto(`${gateway.url}/table`);
      await rows(p).first().waitFor();
      // Two plans now (the imported copy): the picker shows, and so does the folded menu's button.
      const picker = p.locator('.ant-select').filter({ has: p.getByLabel('实施方案') });
      const menuButton = p.locator('.ant-layout-sider-zero-width-trigger');
      const a = await picker.boundingBox();
      const b = await menuButton.boundingBox();
      expect(a).not.toBeNull();
      expect(b).not.toBeNull();
      if (a && b) {
        const apart =
          a.x >= b.x + b.width || b.x >= a.x + a.width || a.y >= b.y + b.height || b.y >= a.y + a.height;
        expect(apart).toBe(true);
      }
      // 工作任务 keeps at least 12 characters' width (14 px each); the table scrolls instead.
      const contentHeader = p.locator('[data-testid="decomposition-table"] th', { hasText: /^工作任务$/ });
      expect((await contentHeader.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(12 * 14);
      const scroller = p.locator('[data-testid="decomposition-table"] .ant-table-content');
      expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      await shoot(p, '19-table-768');
      // The menu opens from its button and still leads to the pages.
      expect((await p.locator('.qxg-sider').boundingBox())?.width).toBe(0);
      await menuButton.click();
      await expect.poll(async () => (await p.locator('.qxg-sider').boundingBox())?.width).toBe(200);
      await p.getByRole('menuitem', { name: /总览/ }).waitFor();
    } finally {
      await context.close();
    }
  });
});
