// Test support: an end-to-end file's gateway, browser and administrator page, started before its
// tests and stopped after them (QXG_E2E_LOG=1 prints the gateway's log at the end).
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import {
  assertPrerequisites,
  launchBrowser,
  type RunningGateway,
  SCREENSHOTS,
  startGateway,
} from './harness';
import { loginToken, signedInContext } from './session';

/** What the tests of one file use: read it inside a test or a hook. */
export interface AdminSession {
  readonly gateway: RunningGateway;
  readonly browser: Browser;
  readonly context: BrowserContext;
  /** A page signed in as the first administrator. */
  readonly page: Page;
  /** The administrator's bearer token. */
  readonly token: string;
}

/** Registers the hooks that start and stop a fresh gateway and an administrator's page. */
export function useAdminSession(): () => AdminSession {
  let session: AdminSession | undefined;
  let gateway: RunningGateway | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    assertPrerequisites();
    mkdirSync(SCREENSHOTS, { recursive: true });
    gateway = await startGateway();
    browser = await launchBrowser();
    const token = await loginToken(gateway.url, gateway.adminUsername, gateway.adminPassword);
    const context = await signedInContext(browser, token);
    session = { gateway, browser, context, page: await context.newPage(), token };
  });
  afterAll(async () => {
    if (process.env.QXG_E2E_LOG === '1') console.log(gateway?.output());
    await browser?.close();
    await gateway?.stop();
  });
  return () => {
    if (!session) throw new Error('the session starts in beforeAll: read it inside a test');
    return session;
  };
}
