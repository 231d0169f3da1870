#!/usr/bin/env node
// The `qxg` bin: runs the TypeScript CLI from source (tsx) with the workspace's source condition, so
// that no build step is needed inside the monorepo. Signals sent to this process (SIGTERM from a
// service manager or a test, SIGINT from Ctrl-C) are passed on to the CLI process, so that stopping
// `qxg serve` stops the server rather than leaving it running without its parent.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const tsx = import.meta.resolve('tsx');
const main = fileURLToPath(new URL('./main.ts', import.meta.url));
const child = spawn(
  process.execPath,
  ['--conditions=@qxg/source', '--import', tsx, main, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
