import type { Browser, BrowserContext } from 'playwright-core';

/** Logs in over GraphQL (no UI) and returns the bearer token. */
export async function loginToken(baseUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($input: LoginInput!) { login(input: $input) { token userErrors { message { zh } } } }',
      variables: { input: { username, password } },
    }),
  });
  const body = (await response.json()) as {
    data?: { login: { token: string | null; userErrors: { message: { zh: string } }[] } };
    errors?: unknown;
  };
  const token = body.data?.login.token;
  if (!token) throw new Error(`login as ${username} failed: ${JSON.stringify(body)}`);
  return token;
}

/** A fresh browser context (empty cache) as a user in China sees the app: Chinese, China time, a desktop screen. */
export function chinaContext(
  browser: Browser,
  options: {
    readonly acceptDownloads?: boolean;
    readonly viewport?: { readonly width: number; readonly height: number };
  } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    ...options,
  });
}

/** A fresh browser context (empty cache) already signed in with `token`. */
export async function signedInContext(browser: Browser, token: string): Promise<BrowserContext> {
  const context = await chinaContext(browser);
  await context.addInitScript((t) => localStorage.setItem('qxg.token', t), token);
  return context;
}
