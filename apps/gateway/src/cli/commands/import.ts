import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { ImportFinding, ParsedPlanDocument, PlanInput } from '@qxg/disclosure-core';
import { readPlanFile } from '@qxg/plan-io';
import { type CliCommand, EXIT, fileCommandArgs, fit, progress } from '../io';
import { readRegistryFile } from '../registry-file';

export const IMPORT_USAGE = `用法 usage: qxg import <file.txt|.docx|.html|.xlsx|.csv> [--registry units.json] [--year 2020] [--id plan-id]
                  [--doc-number 文号] [--issued-on YYYY-MM-DD] [--issuer 发文机关] [--json]
  Reads a plan (published text, a Word file, a web page as saved, or a decomposition table as XLSX or
  CSV), prints it and its findings,
  and exits 1 when a finding is an error.`;

const OPTIONS = {
  registry: { type: 'string' },
  year: { type: 'string' },
  id: { type: 'string' },
  'doc-number': { type: 'string' },
  'issued-on': { type: 'string' },
  issuer: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

/** `qxg import`: reads a plan and prints it (a table, or JSON with --json) with its findings. */
export const importCommand: CliCommand = async (argv, io) => {
  const args = fileCommandArgs(argv, OPTIONS, IMPORT_USAGE, io);
  if (typeof args === 'number') return args;
  const { values, file } = args;
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !Number.isInteger(year)) {
    io.stderr(`--year 应为年份 (must be a year): ${values.year}\n`);
    return EXIT.usage;
  }
  const bar = progress(io);
  bar.step('qxg: 读取单位名录 reading the registry…');
  const { registry, errors } = await readRegistryFile(values.registry && resolve(io.cwd, values.registry));
  if (registry === undefined) {
    bar.done();
    io.stderr(`${errors.join('\n')}\n`);
    return EXIT.usage;
  }
  const path = resolve(io.cwd, file);
  let data: Buffer;
  try {
    bar.step(`qxg: 读取 reading ${file}…`);
    data = await readFile(path);
  } catch (cause) {
    bar.done();
    io.stderr(`无法读取 cannot read ${file}: ${(cause as Error).message}\n`);
    return EXIT.usage;
  }
  const options = {
    registry,
    ...(year === undefined ? {} : { year }),
    ...(values.id === undefined ? {} : { id: values.id }),
    ...(values['doc-number'] === undefined ? {} : { docNumber: values['doc-number'] }),
    ...(values['issued-on'] === undefined ? {} : { issuedOn: values['issued-on'] }),
    ...(values.issuer === undefined ? {} : { issuer: values.issuer }),
  };
  bar.step('qxg: 解析 parsing…');
  // The format is told from the bytes first (a .docx or .xlsx zip, an HTML page), the name second.
  const result: ParsedPlanDocument = await readPlanFile(new Uint8Array(data), basename(file), options);
  bar.done();
  if (values.json) {
    const { input, plan, findings } = result;
    const inputWithoutUnits = input === undefined ? undefined : (({ units: _units, ...rest }) => rest)(input);
    io.stdout(
      `${JSON.stringify(plan ? { plan, findings } : { input: inputWithoutUnits, findings }, null, 2)}\n`,
    );
  } else {
    io.stdout(renderTable(result.input, result.findings));
  }
  return result.findings.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.ok;
};

/** The plan as a readable table, then its findings. */
export function renderTable(
  input: Omit<PlanInput, 'units'> | undefined,
  findings: readonly ImportFinding[],
): string {
  const out: string[] = [];
  if (input) {
    out.push(`${input.title}  ${input.docNumber}  ${input.issuer}  ${input.issuedOn}  (${input.year})`);
    out.push('');
    out.push(
      `${fit('编号', 6)} ${fit('工作任务 work item', 40)} ${fit('牵头单位 lead', 24)} ${fit('责任单位 responsible', 24)} 完成时限 deadline`,
    );
    for (const c of input.categories) {
      out.push(`【${c.title}】`);
      for (const t of c.keyTasks) {
        out.push(`${fit(`${t.number}.`, 6)} ${t.title}`);
        t.workItems.forEach((w, i) => {
          out.push(
            `${fit(`${t.number}.${i + 1}`, 6)} ${fit(w.content, 40)} ${fit(w.leadUnitsText, 24)} ${fit(w.responsibleUnitsText, 24)} ${w.deadlineText}`,
          );
        });
      }
    }
    const items = input.categories.reduce(
      (n, c) => n + c.keyTasks.reduce((m, t) => m + t.workItems.length, 0),
      0,
    );
    const tasks = input.categories.reduce((n, c) => n + c.keyTasks.length, 0);
    out.push('');
    out.push(
      `${input.categories.length} 类别 categories, ${tasks} 重点任务 key tasks, ${items} 工作任务 work items`,
    );
  }
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  out.push(`${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} note(s)`);
  for (const f of findings) {
    const l = f.location;
    const where = [
      l.sheet,
      l.row !== undefined ? `row ${l.row}` : undefined,
      l.line !== undefined ? `line ${l.line}` : undefined,
      l.column,
    ]
      .filter((x) => x !== undefined)
      .join(' ');
    out.push(
      `${f.severity.padEnd(7)} ${f.code.padEnd(22)} ${where ? `[${where}] ` : ''}${f.message.zh} / ${f.message.en}`,
    );
  }
  return `${out.join('\n')}\n`;
}
