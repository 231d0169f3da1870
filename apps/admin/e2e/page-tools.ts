// Small helpers the issue-13 end-to-end tests share: a screenshot once fonts settled, and a GraphQL
// call as a signed-in user (for setting up data the test is not about).
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOTS } from './harness';

/** A full-page screenshot into e2e/screenshots/<name>.png, once fonts and charts have settled. */
export async function shoot(p: Page, name: string): Promise<void> {
  await p.evaluate(() => document.fonts.ready);
  await p.waitForTimeout(300);
  await p.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** One GraphQL request to the gateway at `baseUrl` with a bearer token; throws on GraphQL errors. */
export async function gqlAs<T>(
  baseUrl: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

/**
 * Opens the audit log and, for each action named in Chinese, filters by it and checks that an
 * entry is listed, in Chinese, by `actor`, with no raw ids or English entity names in the table.
 */
export async function expectAuditedInChinese(
  p: Page,
  baseUrl: string,
  actor: string,
  actions: readonly string[],
): Promise<void> {
  await p.goto(`${baseUrl}/audit`);
  const filter = p.getByLabel('按操作筛选');
  for (const action of actions) {
    await filter.fill(action);
    await filter.press('Enter');
    const entry = p.locator('.ant-table-row', { hasText: action }).first();
    await entry.waitFor();
    const text = (await entry.textContent()) ?? '';
    if (!text.includes(actor)) throw new Error(`audit entry「${action}」does not name ${actor}: ${text}`);
    const table = (await p.locator('.ant-table').first().textContent()) ?? '';
    if (
      /\bc[a-z0-9]{20,}\b/.test(table) ||
      /\b(Unit|User|Assignment|AssessmentScheme|ManualScore|CalendarYear|Plan)\b/.test(table)
    ) {
      throw new Error(`audit log filtered by「${action}」shows raw ids or English names: ${table}`);
    }
  }
}
