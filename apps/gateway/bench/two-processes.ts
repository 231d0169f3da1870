// The production shape for `pnpm bench:gateway`: two `qxg serve` processes on one PostgreSQL
// database, autocannon spreading its connections over both (half each, run side by side).
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const BIN = fileURLToPath(new URL('../src/cli/qxg.mjs', import.meta.url));

export interface Served {
  readonly url: string;
  readonly child: ChildProcess;
  /** Milliseconds from spawn to "serving". */
  readonly startMs: number;
  /** What the process wrote so far (stdout and stderr). */
  output(): string;
}

/**
 * Starts `qxg serve` (NODE_ENV production unless `env` says otherwise) on a random port and resolves
 * once it serves. The gateway tests start their two-process runs with it too.
 */
export async function serve(env: Record<string, string>): Promise<Served> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: { ...process.env, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += String(d);
  });
  child.stderr?.on('data', (d) => {
    output += String(d);
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /GraphQL \+ GraphiQL at http:\/\/localhost:(\d+)\/graphql/.exec(output);
      if (m?.[1]) {
        clearInterval(timer);
        resolve(`http://127.0.0.1:${m[1]}/graphql`);
      }
    }, 20);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`qxg serve exited with ${code}:\n${output}`));
    });
  });
  return { url, child, startMs: performance.now() - started, output: () => output };
}

export async function stop(served: readonly Served[]): Promise<void> {
  await Promise.all(
    served.map(
      (s) =>
        new Promise((resolve) => {
          if (s.child.exitCode !== null) resolve(null);
          s.child.once('exit', resolve);
          s.child.kill('SIGTERM');
        }),
    ),
  );
}

export interface Spread {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

/** Runs autocannon against every URL at once, `connections` split evenly; p50/p99 are the worst of the runs. */
export async function spread(
  urls: readonly string[],
  body: string,
  connections: number,
  seconds: number,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<Spread> {
  const results = await Promise.all(
    urls.map((url) =>
      autocannon({
        url,
        method: 'POST',
        headers,
        body,
        connections: Math.max(1, Math.round(connections / urls.length)),
        duration: seconds,
      }),
    ),
  );
  return {
    rps: results.reduce((sum, r) => sum + r.requests.average, 0),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    errors: results.reduce((sum, r) => sum + r.errors + r.non2xx, 0),
  };
}
