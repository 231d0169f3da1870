// Issue 13 in a real browser against the real gateway: the office enters a manual score and sees
// the total and the explanation change; copies the scheme to an imported plan and runs it; records
// an awaited event picked from the plan's list. Screenshots in e2e/screenshots/ (30-…).
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useAdminSession } from './admin-session';
import { expectAuditedInChinese, gqlAs, shoot } from './page-tools';

const SHIXI = '市西街道';
const REASON = '公开机构健全,人员到位(e2e)';
const LIVE = '贵州省惠民政策项目资金信息公开平台上线运行';
const IMPORTED_TITLE = '2021年政务公开工作实施方案(e2e导入)';

/** Picks `option` in the antd select labelled `label` inside `scope`. */
async function pick(p: Page, scope: Locator, label: string, option: string | RegExp): Promise<void> {
  await scope.getByLabel(label, { exact: true }).click();
  await p
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
    .first()
    .click();
}

/** The ranking row of a unit, and its total (得分 column). */
const row = (p: Page, unit: string) =>
  p.locator('.ant-table-row', { has: p.getByRole('link', { name: unit, exact: true }) });
const totalOf = async (p: Page, unit: string) =>
  Number(await row(p, unit).locator('td').nth(4).textContent());

/** Chooses a plan in the header's picker by (part of) its label. */
async function choosePlan(p: Page, label: string): Promise<void> {
  const picker = p.locator('.ant-select').filter({ has: p.getByLabel('实施方案') });
  await picker.click();
  await p.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
  await picker.filter({ hasText: label }).waitFor();
}

async function runAssessment(p: Page): Promise<void> {
  const before = await p.getByText(/计算于/).count();
  await p.getByRole('button', { name: /运行考核/ }).click();
  await p.locator('.ant-message-success').last().waitFor();
  if (before === 0) await p.getByText(/计算于/).waitFor();
}

describe('assessment and events administration', () => {
  const session = useAdminSession();
  let page: Page;
  let base = '';
  beforeAll(() => {
    page = session().page;
    base = session().gateway.url;
  });
  it('enters a manual score: the run goes stale, and run again the total and the explanation change', async () => {
    await page.goto(`${base}/assessment`);
    await runAssessment(page);
    await row(page, SHIXI).waitFor();
    const before = await totalOf(page, SHIXI);
    await row(page, SHIXI).locator('.ant-table-row-expand-icon').click();
    const explanation = page.getByTestId('explanation-520502001');
    await explanation.getByText('保障措施落实 › 组织领导').waitFor();
    const block = explanation.locator('.ant-card', { hasText: '保障措施落实 › 组织领导' });
    await block.getByText('未评分,暂计0分').waitFor();
    expect(await explanation.getByText(/qixingguan-2020\//).count()).toBe(0);
    expect(await explanation.getByText(/^任务\d+ 第\d+项/).count()).toBeGreaterThan(0);
    await shoot(page, '30-explanation-by-indicator');

    await page.getByRole('tab', { name: '人工评分' }).click();
    await page.getByRole('button', { name: '录入人工评分' }).click();
    const modal = page.locator('.ant-modal', { hasText: '录入人工评分' });
    await pick(page, modal, '指标', '乡镇街道 · 组织领导');
    await modal.getByLabel('单位', { exact: true }).fill(SHIXI);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: SHIXI })
      .first()
      .click();
    await modal.getByLabel(/分数/).fill('4');
    await modal.getByLabel('评分理由').fill(REASON);
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await page.locator('.ant-table-row', { hasText: REASON }).waitFor();
    await shoot(page, '31-manual-scores');

    await page.getByRole('tab', { name: '排名与等次' }).click();
    await page.getByText('已过时', { exact: true }).waitFor();
    await page.getByText(/排名和得分已过时/).waitFor();
    await shoot(page, '32-run-stale');
    await runAssessment(page);
    await page.getByText('已过时', { exact: true }).waitFor({ state: 'detached' });
    await page.getByText(/依据截至/).waitFor();
    await expect.poll(() => totalOf(page, SHIXI)).toBeCloseTo(before + 4, 2);
    // The row stays open across the new run; its explanation is the new run's.
    const after = page
      .getByTestId('explanation-520502001')
      .locator('.ant-card', { hasText: '保障措施落实 › 组织领导' });
    await after.getByText(`评分4分:${REASON}`).waitFor();
    expect(await after.locator('.ant-card-extra').textContent()).toContain('4 / 5 分');
    await shoot(page, '33-manual-score-counted');
  });

  it('copies the scheme to an imported plan and runs it there', async () => {
    // The seed plan's own decomposition table (XLSX), imported as next year's plan.
    const download = await fetch(`${base}/download/plans/qixingguan-2020/decomposition.xlsx`, {
      headers: { authorization: `Bearer ${session().token}` },
    });
    expect(download.status).toBe(200);
    const xlsx = Buffer.from(await download.arrayBuffer()).toString('base64');
    const imported = await gqlAs<{ importPlan: { plan: { key: string } | null; userErrors: unknown[] } }>(
      base,
      session().token,
      `mutation($i: ImportPlanInput!) { importPlan(input: $i) { plan { key } userErrors { code } } }`,
      {
        i: {
          format: 'XLSX',
          content: xlsx,
          planId: 'e2e-2021',
          docNumber: '七星府办通〔2021〕9号',
          title: IMPORTED_TITLE,
          issuer: '毕节市七星关区人民政府办公室',
          issuedOn: '2021-03-01',
          year: 2021,
        },
      },
    );
    expect(imported.importPlan.userErrors).toEqual([]);

    // The newest plan is now the imported one; the seed plan's scheme is the one to copy.
    await page.goto(`${base}/assessment`);
    await choosePlan(page, '七星府办通〔2020〕84号');
    await page.getByRole('tab', { name: '考核方案' }).click();
    // The tree form, checked by the core as it changes.
    await page.getByText('考核方案校验通过').waitFor();
    const points = page.getByTestId('indicator-x4.1').getByLabel('组织领导分值');
    await points.fill('6');
    await page.getByText(/考核方案有\d+处问题/).waitFor();
    await shoot(page, '34-scheme-form-invalid');
    await points.fill('5');
    await page.getByText('考核方案校验通过').waitFor();

    await page.getByRole('button', { name: /复制到其他实施方案/ }).click();
    const modal = page.locator('.ant-modal', { hasText: '复制考核方案到其他实施方案' });
    await pick(page, modal, '复制到', '七星府办通〔2021〕9号');
    await modal.getByLabel(/名称/).fill('2021年度考核(复制)');
    await modal.getByRole('button', { name: /复\s*制/ }).click();
    await page.locator('.ant-message-success', { hasText: '2021年度考核(复制)' }).waitFor();

    // Switch to the imported plan: it has the default scheme (given at import) and the copy.
    await choosePlan(page, '七星府办通〔2021〕9号');
    await page.getByRole('tab', { name: '排名与等次' }).click();
    await page.getByRole('combobox', { name: '考核方案', exact: true }).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '2021年度考核(复制)' })
      .click();
    await runAssessment(page);
    await row(page, SHIXI).waitFor();
    expect(await page.locator('.ant-table-row').count()).toBeGreaterThan(10);
    await shoot(page, '35-copied-scheme-ran');
  });

  it('records an awaited event picked from the plan’s list', async () => {
    // The imported plan (chosen above) waits for the same events as the seed it was copied from.
    await page.goto(`${base}/events`);
    await page.getByRole('button', { name: /登记事件/ }).click();
    const modal = page.locator('.ant-modal', { hasText: '登记事件' });
    await pick(page, modal, '方案中等待的事件', LIVE);
    await modal.getByText('等待它的任务').waitFor();
    const date = modal.getByLabel('日期', { exact: true });
    await date.click();
    await date.fill('2020年8月3日');
    await date.press('Enter');
    await modal.getByLabel('通知文号').fill('黔府办函〔2020〕77号');
    await modal.getByLabel('发文机关').fill('省政府办公厅');
    await shoot(page, '36-record-awaited-event');
    await modal.getByRole('button', { name: /登\s*记/ }).click();
    const recorded = page.locator('.ant-table-row', { hasText: LIVE });
    await recorded.waitFor();
    expect(await recorded.textContent()).toContain('黔府办函〔2020〕77号');
    // The list now says it is recorded.
    await page.getByRole('button', { name: /登记事件/ }).click();
    await modal.getByLabel('方案中等待的事件', { exact: true }).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /已登记/ })
      .first()
      .waitFor();
    await page.keyboard.press('Escape');
    await shoot(page, '37-awaited-event-recorded');
  });

  it('reads the manual score, the scheme copy and the run in the audit log, in Chinese', async () => {
    await expectAuditedInChinese(page, base, session().gateway.adminUsername, [
      '录入人工评分',
      '复制考核方案',
      '运行考核',
      '登记事件',
    ]);
    await shoot(page, '38-audit-assessment');
  });
});
