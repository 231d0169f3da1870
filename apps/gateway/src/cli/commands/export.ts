import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Plan } from '@qxg/disclosure-core';
import { type ExportOptions, type ItemProgress, writePlanCsv, writePlanXlsx } from '@qxg/plan-io';
import { type CliCommand, EXIT, fileCommandArgs, progress } from '../io';

export const EXPORT_USAGE = `用法 usage: qxg export <plan.json> [--xlsx out.xlsx] [--csv out.csv] [--as-of YYYY-MM-DD] [--progress progress.json]
  Writes the plan's decomposition table (任务分解表). plan.json is what \`qxg import --json\` prints
  (or a plan alone); progress.json maps work item ids to { "status": "进行中", "dueOn": "2020-09-30" }.`;

const OPTIONS = {
  xlsx: { type: 'string' },
  csv: { type: 'string' },
  'as-of': { type: 'string' },
  progress: { type: 'string' },
} as const;

/** `qxg export`: writes a plan's decomposition table as XLSX and/or CSV. */
export const exportCommand: CliCommand = async (argv, io) => {
  const parsed = fileCommandArgs(argv, OPTIONS, EXPORT_USAGE, io);
  if (typeof parsed === 'number') return parsed;
  const { values, file } = parsed;
  if (values.xlsx === undefined && values.csv === undefined) {
    io.stderr(`${EXPORT_USAGE}\n`);
    return EXIT.usage;
  }
  const bar = progress(io);
  let plan: Plan;
  let progressMap: Record<string, ItemProgress> | undefined;
  try {
    bar.step(`qxg: 读取 reading ${file}…`);
    const json = JSON.parse(await readFile(resolve(io.cwd, file), 'utf8')) as { plan?: Plan } & Partial<Plan>;
    const candidate = (json.plan ?? json) as Plan;
    if (!Array.isArray(candidate.categories) || typeof candidate.title !== 'string') {
      throw new Error('not a plan: expected { "plan": { "title", "categories", … } }');
    }
    plan = candidate;
    if (values.progress !== undefined) {
      progressMap = JSON.parse(await readFile(resolve(io.cwd, values.progress), 'utf8')) as Record<
        string,
        ItemProgress
      >;
    }
  } catch (cause) {
    bar.done();
    io.stderr(`无法读取 cannot read ${file}: ${(cause as Error).message}\n`);
    return EXIT.usage;
  }
  const options: ExportOptions = {
    ...(values['as-of'] === undefined ? {} : { asOf: values['as-of'] }),
    ...(progressMap === undefined ? {} : { progress: progressMap }),
  };
  if (values.xlsx !== undefined) {
    bar.step(`qxg: 写入 writing ${values.xlsx}…`);
    await writeFile(resolve(io.cwd, values.xlsx), await writePlanXlsx(plan, options));
  }
  if (values.csv !== undefined) {
    bar.step(`qxg: 写入 writing ${values.csv}…`);
    await writeFile(resolve(io.cwd, values.csv), writePlanCsv(plan, options), 'utf8');
  }
  bar.done();
  const items = plan.categories.reduce(
    (n, c) => n + c.keyTasks.reduce((m, t) => m + t.workItems.length, 0),
    0,
  );
  io.stdout(
    `qxg: ${items} 项工作任务 work items → ${[values.xlsx, values.csv].filter(Boolean).join(', ')}\n`,
  );
  return EXIT.ok;
};
