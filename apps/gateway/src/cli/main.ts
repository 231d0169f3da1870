import { runCli } from './run-cli';

// The entry point: run as `node --conditions=@qxg/source --import tsx src/cli/main.ts` (see qxg.mjs).
const code = await runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: process.stderr.isTTY === true,
  cwd: process.cwd(),
});
process.exitCode = code;
