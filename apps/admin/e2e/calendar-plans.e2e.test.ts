// The work calendar and the plans of each year, in a real browser against the real gateway: import a
// small 2027 plan, see its 2027 deadline marked as estimated, load a 2027 holiday arrangement made for
// this test (not the real one) in the 工作日历 page and see the deadline become exact; add a local
// day; withdraw the plan and restore it; the plan picker remembers the choice in another browser.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useAdminSession } from './admin-session';
import type { RunningGateway } from './harness';
import { expectAuditedInChinese, gqlAs, shoot } from './page-tools';
import { chinaContext } from './session';

const AS_OF = '2027-03-02';
const PLAN = 'e2e-2027';
const DOC_NUMBER = '测试府办通〔2027〕3号';
const DATED = '2027年3月底前';
const SEED_DOC_NUMBER = '七星府办通〔2020〕84号';

/** A made-up 2027 arrangement (holiday-cn format); 2027-03-15 is a day off only here. */
const ARRANGEMENT_2027 = JSON.stringify({
  year: 2027,
  papers: ['https://www.example.gov.cn/test/2027-holidays.htm'],
  days: [
    { name: '元旦', date: '2027-01-01', isOffDay: true },
    { name: '春节', date: '2027-02-08', isOffDay: true },
    { name: '春节', date: '2027-02-09', isOffDay: true },
    { name: '春节', date: '2027-02-13', isOffDay: false },
    { name: '测试假日', date: '2027-03-15', isOffDay: true },
  ],
});

const PLAN_CSV = [
  '类别,重点任务,工作任务,牵头单位,责任单位,完成时限',
  `加大公开力度,1.推进重点领域公开,公开2027年财政预决算信息。,区发展和改革局,,${DATED}`,
  '加大公开力度,2.推进政策解读,做好政策解读。,区农业农村局,,长期坚持',
].join('\n');

let gateway: RunningGateway;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let token = '';

function gql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  return gqlAs<T>(gateway.url, token, query, variables);
}

/** A signed-in browser context computing everything as of {@link AS_OF}. */
async function context2027(b: Browser): Promise<BrowserContext> {
  const c = await chinaContext(b);
  await c.addInitScript(
    ([t, asOf]) => {
      localStorage.setItem('qxg.token', t);
      sessionStorage.setItem('qxg.asOf', asOf);
    },
    [token, AS_OF] as const,
  );
  return c;
}

/** The decomposition table's row for the dated 2027 item. */
const datedRow = (p: Page) =>
  p.locator('[data-testid="decomposition-table"] tr[data-row-key]', { hasText: DATED });

/** The text of the plan picker (the chosen plan's year and 文号); '' when there is no picker. */
async function pickerText(p: Page): Promise<string> {
  const picker = p.locator('.ant-select').filter({ has: p.getByLabel('实施方案') });
  return (await picker.count()) === 0 ? '' : ((await picker.textContent()) ?? '');
}

/**
 * Picks a year in the calendar page's 年度 select once the loaded years are listed (their options
 * change when they arrive), and checks the choice took: on a loaded machine a click landing while
 * the dropdown re-renders is otherwise lost.
 */
async function chooseCalendarYear(p: Page, year: number): Promise<void> {
  await p.locator('.ant-table-row', { hasText: '2026年' }).first().waitFor();
  const select = p.locator('.ant-select', { has: p.getByLabel('年度') });
  await expect
    .poll(async () => {
      await p.getByLabel('年度').click();
      await p
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `${year}年` })
        .click();
      return select.locator('.ant-select-content, .ant-select-selection-item').first().textContent();
    })
    .toContain(`${year}年`);
}

async function choosePlanInPicker(p: Page, label: string): Promise<void> {
  await p.getByLabel('实施方案').click();
  await p.locator('.ant-select-item-option', { hasText: label }).click();
}

const session = useAdminSession();

beforeAll(async () => {
  ({ gateway, browser, token } = session());
  // The small 2027 plan, imported through the API (the import page has its own tests).
  const imported = await gql<{ importPlan: { plan: { key: string } | null; userErrors: unknown[] } }>(
    `mutation($i: ImportPlanInput!) { importPlan(input: $i) { plan { key } userErrors { code message { zh } } } }`,
    {
      i: {
        format: 'CSV',
        content: PLAN_CSV,
        planId: PLAN,
        docNumber: DOC_NUMBER,
        title: '2027年政务公开工作测试方案',
        issuer: '测试区人民政府办公室',
        issuedOn: '2027-01-11',
        year: 2027,
      },
    },
  );
  expect(imported.importPlan.userErrors).toEqual([]);
  context = await context2027(browser);
  page = await context.newPage();
});

describe('the work calendar and the plans of each year', () => {
  it('marks a 2027 deadline as estimated while 2027 is not loaded', async () => {
    await page.goto(`${gateway.url}/table`);
    await choosePlanInPicker(page, DOC_NUMBER);
    await datedRow(page).waitFor();
    await expect.poll(() => datedRow(page).getByTestId('estimated-tag').count()).toBe(1);
    await shoot(page, 'calendar-1-table-estimated');

    await page.goto(`${gateway.url}/calendar`);
    await page.getByRole('heading', { name: '工作日历' }).waitFor();
    await chooseCalendarYear(page, 2027);
    await page.getByTestId('year-estimated').waitFor();
    expect(await page.locator('[data-date="2027-03-15"]').getAttribute('data-estimated')).toBe('true');
    expect(await page.locator('[data-date="2027-03-15"]').getAttribute('data-kind')).toBe('WORKDAY');
  });

  it('loads a 2027 arrangement pasted as JSON: the calendar shows it and the deadline becomes exact', async () => {
    await page.getByRole('button', { name: /载入节假日安排/ }).click();
    const dialog = page.getByRole('dialog', { name: '载入节假日安排' });
    await dialog.getByPlaceholder('如:国办发明电〔2026〕x号').fill('国办发明电〔2026〕测试号');
    await dialog.getByLabel('节假日安排JSON').fill(ARRANGEMENT_2027);
    await dialog.getByRole('button', { name: /载\s*入/ }).click();
    await page.getByText('已载入2027年节假日安排:放假4天,调休上班1天').waitFor();
    await expect
      .poll(() => page.locator('[data-date="2027-03-15"]').getAttribute('data-kind'))
      .toBe('HOLIDAY');
    expect(await page.locator('[data-date="2027-03-15"]').getAttribute('data-estimated')).toBe('false');
    expect(await page.locator('[data-date="2027-02-13"]').getAttribute('data-kind')).toBe('MAKEUP_WORKDAY');
    expect(await page.getByTestId('year-estimated').count()).toBe(0);
    await expect.poll(() => page.getByRole('row', { name: /国办发明电〔2026〕测试号/ }).count()).toBe(1);
    expect(await page.getByRole('row', { name: /国办发明电〔2026〕测试号/ }).textContent()).toContain(
      '管理员载入',
    );

    // A local festival day, inside the loaded year.
    await page.getByLabel('地方日期', { exact: true }).click();
    await page.getByLabel('地方日期', { exact: true }).fill('2027年3月3日');
    await page.getByLabel('地方日期', { exact: true }).press('Enter');
    await page.getByLabel('地方日期名称').fill('彝族年');
    await page.getByLabel('地方日期依据').fill('自治条例');
    await page.getByRole('button', { name: /添加地方日期/ }).click();
    await expect
      .poll(() => page.locator('[data-date="2027-03-03"]').getAttribute('data-kind'))
      .toBe('LOCAL_HOLIDAY');
    await expect.poll(() => page.getByRole('row', { name: /彝族年/ }).count()).toBe(1);
    await shoot(page, 'calendar-2-year-2027-loaded');

    await page.goto(`${gateway.url}/table`);
    await datedRow(page).waitFor();
    await expect.poll(() => datedRow(page).getByTestId('estimated-tag').count()).toBe(0);
    expect(await datedRow(page).textContent()).toContain('2027年3月31日');
    await shoot(page, 'calendar-3-table-exact');
  });

  it('withdraws the plan (out of the picker, read-only) and restores it', async () => {
    await page.goto(`${gateway.url}/plans`);
    const row = page.getByRole('row', { name: new RegExp(DOC_NUMBER.replace(/[〔〕]/g, '.')) });
    await row.waitFor();
    expect(await row.textContent()).toContain('使用中');
    await row.getByRole('button', { name: /撤\s*回/ }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /撤\s*回/ })
      .click();
    await expect.poll(() => row.textContent()).toContain('已撤回');
    await shoot(page, 'plans-1-withdrawn');

    // The picker no longer offers it (one plan left: no picker at all), and writes are refused.
    await page.goto(`${gateway.url}/table`);
    await page.locator('[data-testid="decomposition-table"]').waitFor();
    expect(await pickerText(page)).not.toContain(DOC_NUMBER);
    const refused = await gql<{ recordProgress: { userErrors: { code: string }[] } }>(
      `mutation($i: RecordProgressInput!) { recordProgress(input: $i) { userErrors { code } } }`,
      {
        i: {
          assignmentId: await firstAssignmentOf(PLAN),
          expectedVersion: 0,
          reportedOn: '2020-09-10',
          state: 'STARTED',
          note: 'x',
        },
      },
    );
    expect(refused.recordProgress.userErrors.map((e) => e.code)).toEqual(['PLAN_ARCHIVED']);

    await page.goto(`${gateway.url}/plans`);
    await row.getByRole('button', { name: /恢\s*复/ }).click();
    await expect.poll(() => row.textContent()).toContain('使用中');
  });

  it('starts next year’s plan: the draft proposes the standing items and opens the import prefilled', async () => {
    await page.goto(`${gateway.url}/plans`);
    const row = page.getByRole('row', { name: /七星府办通.2020.84号/ });
    await row.getByRole('button', { name: /起草下一年度方案/ }).click();
    const dialog = page.getByRole('dialog', { name: /起草下一年度方案/ });
    await dialog.getByText('七星府办通〔2021〕…号').waitFor();
    // The standing items (立即落实,长期坚持 …) are proposed, all checked.
    await expect.poll(() => dialog.locator('tr[data-row-key]').count()).toBeGreaterThan(3);
    expect(await dialog.textContent()).toContain('长期坚持');
    await shoot(page, 'plans-2-next-year-draft');
    await dialog.getByRole('button', { name: '打开导入页' }).click();
    await page.getByTestId('next-plan-notice').waitFor();
    expect(await page.getByTestId('next-plan-notice').textContent()).toContain('qixingguan-2020');
    expect(await page.getByLabel('文号').inputValue()).toBe('七星府办通〔2021〕');
    expect(await page.getByLabel('年度').inputValue()).toBe('2021');
    await shoot(page, 'plans-3-import-prefilled');
  });

  it('remembers the chosen plan for the user, in another browser too', async () => {
    // The newest plan (2027) is what a user who never chose sees; choose the 2020 one instead.
    await page.goto(`${gateway.url}/table`);
    await choosePlanInPicker(page, SEED_DOC_NUMBER);
    await expect.poll(() => datedRow(page).count()).toBe(0);
    await expect.poll(() => pickerText(page)).toContain(SEED_DOC_NUMBER);
    const other = await context2027(browser);
    const p2 = await other.newPage();
    await p2.goto(`${gateway.url}/table`);
    await p2.locator('[data-testid="decomposition-table"] tr[data-row-key]').first().waitFor();
    expect(await pickerText(p2)).toContain(SEED_DOC_NUMBER);
    expect(await datedRow(p2).count()).toBe(0);
    await other.close();
  });

  it('reads the calendar load, the local day and the withdrawal in the audit log, in Chinese', async () => {
    await expectAuditedInChinese(page, gateway.url, gateway.adminUsername, [
      '载入节假日安排',
      '设置地方休息/工作日',
      '撤回(归档)方案',
      '恢复方案',
    ]);
    await shoot(page, 'calendar-4-audit');
  });
});

async function firstAssignmentOf(planId: string): Promise<string> {
  const data = await gql<{ assignments: { edges: { node: { id: string } }[] } }>(
    `query($p: String!) { assignments(planId: $p, first: 1) { edges { node { id } } } }`,
    { p: planId },
  );
  const id = data.assignments.edges[0]?.node.id;
  if (!id) throw new Error(`no assignment in ${planId}`);
  return id;
}
