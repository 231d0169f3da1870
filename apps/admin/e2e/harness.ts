// Shared by the end-to-end tests and the budget script: a real gateway on a fresh SQLite file,
// serving this package's build, and Debian's Chromium driven by playwright-core.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';

export const ADMIN_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = path.resolve(ADMIN_ROOT, '..', '..');
export const GATEWAY_ROOT = path.join(REPO_ROOT, 'apps', 'gateway');
export const DIST = path.join(ADMIN_ROOT, 'dist');
export const SCREENSHOTS = path.join(ADMIN_ROOT, 'e2e', 'screenshots');

/** Debian's Chromium (apt), never a downloaded browser. CHROMIUM_PATH overrides. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Fails with the fix in the message when the browser or the build is missing. */
export function assertPrerequisites(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}. The admin app's end-to-end tests drive Debian's Chromium: ` +
        'install it with `apt-get install -y --no-install-recommends chromium fonts-noto-cjk` ' +
        '(.ci/run does this in CI), or set CHROMIUM_PATH.',
    );
  }
  if (!existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(
      `No build at ${DIST}: run \`pnpm --filter @qxg/admin build\` first (turbo does it before test).`,
    );
  }
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
}

export interface RunningGateway {
  readonly url: string;
  readonly adminUsername: string;
  readonly adminPassword: string;
  readonly output: () => string;
  readonly stop: () => Promise<void>;
}

/**
 * Starts the gateway with its own start command (`qxg serve`) on a fresh temporary SQLite database
 * and a free port, the first admin's password given by QXG_ADMIN_PASSWORD. Resolves once /healthz
 * answers.
 */
export async function startGateway(): Promise<RunningGateway> {
  // An already running gateway (with a fresh database) can be given instead: QXG_E2E_GATEWAY_URL and
  // QXG_E2E_ADMIN_PASSWORD (and QXG_E2E_ADMIN_USERNAME, default admin).
  const given = process.env.QXG_E2E_GATEWAY_URL;
  if (given) {
    return {
      url: given.replace(/\/$/, ''),
      adminUsername: process.env.QXG_E2E_ADMIN_USERNAME ?? 'admin',
      adminPassword: process.env.QXG_E2E_ADMIN_PASSWORD ?? '',
      output: () => '',
      stop: async () => {},
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'qxg-admin-e2e-'));
  const adminPassword = `e2e-${randomBytes(9).toString('base64url')}`;
  // The same entry as `pnpm qxg serve` (src/cli/qxg.mjs), without the wrapper process, so stopping it
  // stops the server.
  const cli = path.join(GATEWAY_ROOT, 'src', 'cli', 'main.ts');
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=@qxg/source', '--import', 'tsx', cli, 'serve'],
    {
      cwd: GATEWAY_ROOT,
      env: {
        ...process.env,
        DATABASE_URL: `file:${path.join(dir, 'qxg.db')}`,
        PORT: '0',
        HOST: '127.0.0.1',
        QXG_ADMIN_PASSWORD: adminPassword,
        QXG_ADMIN_DIST: DIST,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let log = '';
  child.stdout?.on('data', (d: Buffer) => {
    log += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    log += d.toString();
  });
  let stopping = false;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // A gateway that dies under the tests says why: its last output, with the exit code or signal.
  child.once('exit', (code, signal) => {
    if (!stopping)
      console.error(`qxg serve exited unexpectedly (code ${code}, signal ${signal}):\n${log.slice(-6000)}`);
  });
  // The gateway runs in its own process group: take it down with this process, however it ends.
  const killGroup = () => {
    try {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.once('exit', killGroup);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killGroup();
      process.exit(130);
    });
  }

  const stop = async () => {
    stopping = true;
    if (child.exitCode === null && child.pid !== undefined) {
      const pid = child.pid;
      process.kill(-pid, 'SIGTERM');
      const timer = setTimeout(() => {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 90_000;
  let url: string | null = null;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const m = /http:\/\/localhost:(\d+)\/graphql/.exec(log);
    if (m) {
      url = `http://127.0.0.1:${m[1]}`;
      try {
        if ((await fetch(`${url}/healthz`)).ok) break;
      } catch {
        // not listening yet
      }
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  if (url === null || child.exitCode !== null) {
    await stop();
    throw new Error(`The gateway did not start (exit ${child.exitCode}). Its output:\n${log}`);
  }
  const username = /username:\s*(\S+)/.exec(log)?.[1] ?? 'admin';
  return { url, adminUsername: username, adminPassword, output: () => log, stop };
}
