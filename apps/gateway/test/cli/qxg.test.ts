import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// biome-ignore lint/suspicious/noExplicitAny: the CLI's JSON output is read untyped.
type Json = any;

const BIN = fileURLToPath(new URL('../../src/cli/qxg.mjs', import.meta.url));
const SEED = fileURLToPath(new URL('../../seed/qixingguan-2020-disclosure-plan.txt', import.meta.url));
const FIXTURES = fileURLToPath(
  new URL('../../../../packages/disclosure-core/test/fixtures/import/', import.meta.url),
);

const PLAN_IO_FIXTURES = fileURLToPath(
  new URL('../../../../packages/plan-io/test/fixtures/', import.meta.url),
);
const NO_DATABASE = new URL('./no-database.mjs', import.meta.url).href;

function qxg(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `qxg` where the database package and Prisma clients cannot be loaded at all. */
function qxgWithoutDatabase(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: `--import=${NO_DATABASE}` },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('qxg (spawned)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qxg-cli-'));

  it('imports the seed notice: exit 0, a readable table with 31 work items and no error', () => {
    const r = qxg('import', SEED);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('3 类别 categories, 11 重点任务 key tasks, 31 工作任务 work items');
    expect(r.stdout).toContain('0 error(s)');
  });

  it('imports the seed as a Word file and as a saved web page to the same 31 work items as the text', () => {
    const text = JSON.parse(qxg('import', SEED, '--json', '--id', 'qixingguan-2020').stdout) as Json;
    const items = (plan: Json) =>
      plan.categories.flatMap((c: Json) =>
        c.keyTasks.flatMap((t: Json) =>
          t.workItems.map((w: Json) => [w.content, w.leadUnitsText, w.responsibleUnitsText, w.deadlineText]),
        ),
      );
    expect(items(text.plan)).toHaveLength(31);
    for (const file of ['qixingguan-2020.docx', 'qixingguan-2020.html']) {
      const r = qxg('import', join(PLAN_IO_FIXTURES, file), '--json', '--id', 'qixingguan-2020');
      expect(r.code, `${file}: ${r.stderr}`).toBe(0);
      const json = JSON.parse(r.stdout) as Json;
      expect(json.plan.docNumber).toBe(text.plan.docNumber);
      expect(items(json.plan)).toEqual(items(text.plan));
    }
  });

  it('imports and exports files without loading the database package (no Prisma client needed)', () => {
    const r = qxgWithoutDatabase('import', SEED, '--json', '--id', 'qixingguan-2020');
    expect(r.stderr).not.toContain('no database here');
    expect(r.code).toBe(0);
    const planFile = join(dir, 'plan-no-db.json');
    writeFileSync(planFile, r.stdout);
    expect(qxgWithoutDatabase('export', planFile, '--csv', join(dir, 'no-db.csv')).code).toBe(0);
    // The hook really blocks the database: a command that needs it fails to load.
    const migrate = qxgWithoutDatabase('migrate');
    expect(migrate.code).not.toBe(0);
    expect(migrate.stderr).toContain('no database here');
  });

  it('prints JSON with --json, a plan that export then writes as XLSX and CSV (exit 0)', () => {
    const r = qxg('import', SEED, '--json', '--id', 'qixingguan-2020');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { plan: { id: string; docNumber: string }; findings: unknown[] };
    expect(json.plan.id).toBe('qixingguan-2020');
    expect(json.findings).toEqual([]);
    const planFile = join(dir, 'plan.json');
    writeFileSync(planFile, r.stdout);
    const out = qxg('export', planFile, '--xlsx', join(dir, 'out.xlsx'), '--csv', join(dir, 'out.csv'));
    expect(out.code).toBe(0);
    expect(existsSync(join(dir, 'out.xlsx'))).toBe(true);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8').startsWith('\uFEFF类别,重点任务')).toBe(true);
    // And the exported workbook imports back without an error.
    expect(qxg('import', join(dir, 'out.xlsx')).code).toBe(0);
  });

  it('exits 1 when a finding is an error (a document cut off mid-sentence)', () => {
    const r = qxg('import', join(FIXTURES, '05-truncated-body.txt'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('truncated_document');
  });

  it('exits 2 for a missing file, a bad --year, an unknown command and export without an output', () => {
    expect(qxg('import', join(dir, 'nope.txt')).code).toBe(2);
    expect(qxg('import', SEED, '--year', 'abc').code).toBe(2);
    expect(qxg('frobnicate').code).toBe(2);
    expect(qxg('export', join(dir, 'plan.json')).code).toBe(2);
  });

  it('reads units against a registry file given with --registry, and reports a broken one with exit 2', () => {
    const registry = join(dir, 'units.json');
    writeFileSync(
      registry,
      JSON.stringify({
        units: [{ id: 'gov-office', name: '区政府办公室', kind: 'department', aliases: ['区政府办'] }],
      }),
    );
    const r = qxg('import', SEED, '--registry', registry);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('unknown_unit');
    writeFileSync(registry, JSON.stringify({ units: [{ id: 'Bad Id', name: '', kind: 'department' }] }));
    expect(qxg('import', SEED, '--registry', registry).code).toBe(2);
  });
});
