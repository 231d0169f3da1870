#!/usr/bin/env node
// The `qxg` bin: runs the TypeScript CLI from source (tsx) with the workspace's source condition, so
// that no build step is needed inside the monorepo.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const tsx = import.meta.resolve('tsx');
const main = fileURLToPath(new URL('./main.ts', import.meta.url));
const result = spawnSync(
  process.execPath,
  ['--conditions=@qxg/source', '--import', tsx, main, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
process.exitCode = result.status ?? 1;
