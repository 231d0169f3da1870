/**
 * `pnpm eval:import <dir>`: scores the importer on a folder of documents against answer keys.
 *
 * The folder holds `plans/<name>.<txt|docx|html|htm|xlsx|csv>` and `answers/<name>.json` in the
 * shape of ../shared/corpus (see its README.md). A `.txt` whose first line starts with `SOURCE-FORM:`
 * carries three provenance lines, dropped before reading. Every text document is scored twice: as
 * stored, and with the full-width （）：，； of the originals restored (the corpus copies fold them to
 * ASCII). A benchmark, not a test: it prints figures and always exits 0 (1 only on a missing folder).
 *
 * Scoring (the corpus README): a key task is right when a work item is found whose text contains the
 * key's `text`, whose lead and responsible units together are the same set of names as the key's,
 * and whose deadline text is the key's — all compared after NFKC, ignoring spaces and punctuation.
 * Tasks marked `complete: false` are not scored. Notice fields: docNumber, issuedOn, year (the three
 * the issue counts, `null` in the key meaning "the document does not say": right when nothing is
 * read), and title and issuer besides.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { createUnitRegistry, type ParsedPlanDocument } from '@qxg/disclosure-core';
import { readPlanFile } from '../src/read-plan-file';

interface AnswerTask {
  readonly path: string;
  readonly text: string;
  readonly lead: string;
  readonly responsible: string;
  readonly deadline: string;
  readonly complete: boolean;
}
interface Answer {
  readonly notice: {
    readonly title: string | null;
    readonly docNumber: string | null;
    readonly issuer: string | null;
    readonly issuedOn: string | null;
    readonly year: number | null;
  };
  readonly tasks: readonly AnswerTask[];
}

interface Score {
  tasks: number;
  found: number;
  units: number;
  deadline: number;
  all: number;
  fields: number;
  fieldsRight: number;
  extra: number;
  extraRight: number;
  unstated: number;
  unstatedRight: number;
}

const squash = (s: string) => s.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');

/** Splits a unit list on 、,; outside brackets, each name squashed. */
function unitNames(text: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of text.normalize('NFKC')) {
    if ('(〔﹝[【'.includes(c)) depth += 1;
    if (')〕﹞]】'.includes(c)) depth = Math.max(0, depth - 1);
    if (depth === 0 && '、,;'.includes(c)) {
      names.push(cur);
      cur = '';
    } else cur += c;
  }
  names.push(cur);
  return [...new Set(names.map(squash).filter((n) => n !== ''))].sort();
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

interface Candidate {
  readonly text: string;
  readonly units: string[];
  readonly deadline: string;
}

function candidates(r: ParsedPlanDocument): Candidate[] {
  const out: Candidate[] = [];
  for (const c of r.input?.categories ?? [])
    for (const t of c.keyTasks)
      for (const w of t.workItems)
        out.push({
          text: `${squash(t.title)}|${squash(t.body)}|${squash(`${t.title}${t.body}`)}|${squash(w.content)}`,
          units: unitNames(`${w.leadUnitsText}、${w.responsibleUnitsText}`),
          deadline: squash(w.deadlineText),
        });
  return out;
}

function scoreDocument(r: ParsedPlanDocument, answer: Answer, lines: string[]): Score {
  const s: Score = {
    tasks: 0,
    found: 0,
    units: 0,
    deadline: 0,
    all: 0,
    fields: 0,
    fieldsRight: 0,
    extra: 0,
    extraRight: 0,
    unstated: 0,
    unstatedRight: 0,
  };
  const items = candidates(r);
  for (const task of answer.tasks.filter((t) => t.complete)) {
    s.tasks += 1;
    const key = squash(task.text);
    const units = unitNames(`${task.lead}、${task.responsible}`);
    const deadline = squash(task.deadline);
    const matches = items
      .filter((c) => c.text.includes(key))
      .map((c) => ({ u: sameSet(c.units, units), d: c.deadline === deadline, c }))
      .sort((a, b) => Number(b.u) + Number(b.d) - (Number(a.u) + Number(a.d)));
    const best = matches[0];
    if (best === undefined) {
      lines.push(`    ✗ ${task.path} not found (${task.text})`);
      continue;
    }
    s.found += 1;
    if (best.u) s.units += 1;
    if (best.d) s.deadline += 1;
    if (best.u && best.d) s.all += 1;
    else
      lines.push(
        `    ✗ ${task.path}${best.u ? '' : ` units [${best.c.units.join('、')}] ≠ [${units.join('、')}]`}${best.d ? '' : ` deadline "${best.c.deadline}" ≠ "${deadline}"`}`,
      );
  }
  const i = r.input;
  // A field the key gives is right when read the same; a field the key leaves null (the document
  // does not say it) is counted apart: right when nothing was read.
  const field = (
    name: string,
    want: string | number | null,
    got: string | number | undefined,
    main: boolean,
  ) => {
    const g = got === undefined || got === 0 ? '' : squash(String(got));
    if (want === null) {
      s.unstated += 1;
      if (g === '') s.unstatedRight += 1;
      else lines.push(`    ✗ ${name} "${got}" read where the key says the document does not say it`);
      return;
    }
    const ok = squash(String(want)) === g;
    if (main) {
      s.fields += 1;
      if (ok) s.fieldsRight += 1;
    } else {
      s.extra += 1;
      if (ok) s.extraRight += 1;
    }
    if (!ok) lines.push(`    ✗ ${name} "${got ?? ''}" ≠ "${want}"`);
  };
  field('docNumber', answer.notice.docNumber, i?.docNumber, true);
  field('issuedOn', answer.notice.issuedOn, i?.issuedOn, true);
  field('year', answer.notice.year, i?.year, true);
  // The key's title is the notice title where there is one, else the plan's own title.
  field('title', answer.notice.title, i?.noticeTitle ?? i?.title, false);
  field('issuer', answer.notice.issuer, i?.issuer, false);
  return s;
}

/** The full-width form of a folded copy: （）：，； back in CJK text (not between digits, not in URLs). */
function restoreFullWidth(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      /https?:\/\//u.test(line)
        ? line
        : line
            .replace(/(?<!\d)[:](?!\d)|(?<=\D)[:]|[:](?=\D)/gu, '：')
            .replace(/\(/gu, '（')
            .replace(/\)/gu, '）')
            .replace(/,(?!\d)/gu, '，')
            .replace(/;/gu, '；'),
    )
    .join('\n');
}

const dropProvenance = (text: string) =>
  text.startsWith('SOURCE-FORM:') ? text.split('\n').slice(3).join('\n') : text;

async function main(): Promise<void> {
  const arg = process.argv[2];
  if (arg === undefined) {
    console.error('usage: pnpm eval:import <dir>   (用法:pnpm eval:import <目录>)');
    process.exitCode = 1;
    return;
  }
  const dir = resolve(process.env.INIT_CWD ?? process.cwd(), arg);
  const plansDir = existsSync(join(dir, 'plans')) ? join(dir, 'plans') : dir;
  const answersDir = join(dir, 'answers');
  if (!existsSync(answersDir)) {
    console.error(`没有答案目录 ${answersDir} / no answers folder ${answersDir}`);
    process.exitCode = 1;
    return;
  }
  // A registry that knows no body of these documents: names are scored as written.
  const registry = createUnitRegistry([{ id: 'government', name: '人民政府', kind: 'government' }]);
  const files = readdirSync(plansDir)
    .filter((f) => /\.(?:txt|docx|html?|xlsx|csv)$/iu.test(f))
    .sort();
  const forms = ['as stored', 'full-width （）：，； restored'] as const;
  const totals = forms.map(
    (): Score => ({
      tasks: 0,
      found: 0,
      units: 0,
      deadline: 0,
      all: 0,
      fields: 0,
      fieldsRight: 0,
      extra: 0,
      extraRight: 0,
      unstated: 0,
      unstatedRight: 0,
    }),
  );
  const verbose = process.argv.includes('--verbose');
  for (const [f, form] of forms.entries()) {
    console.log(`\n== ${form} ==`);
    console.log(
      'document                                           tasks found units deadline all | 文号/日期/年度 | title/issuer | unstated left empty',
    );
    for (const file of files) {
      const name = basename(file, extname(file));
      const answerPath = join(answersDir, `${name}.json`);
      if (!existsSync(answerPath)) continue;
      const answer = JSON.parse(readFileSync(answerPath, 'utf8')) as Answer;
      let bytes: Uint8Array = readFileSync(join(plansDir, file));
      const isText = /\.(?:txt|html?|csv)$/iu.test(file);
      if (isText) {
        let text = dropProvenance(new TextDecoder().decode(bytes));
        if (f === 1) text = restoreFullWidth(text);
        bytes = new TextEncoder().encode(text);
      } else if (f === 1) continue;
      let r: ParsedPlanDocument;
      try {
        r = await readPlanFile(bytes, file, { registry });
      } catch (e) {
        console.log(`${file.padEnd(50)} threw: ${(e as Error).message}`);
        continue;
      }
      const lines: string[] = [];
      const s = scoreDocument(r, answer, lines);
      const t = totals[f] as Score;
      for (const k of Object.keys(s) as (keyof Score)[]) t[k] += s[k];
      console.log(
        `${file.slice(0, 50).padEnd(50)} ${String(s.tasks).padStart(5)} ${String(s.found).padStart(5)} ${String(s.units).padStart(5)} ${String(s.deadline).padStart(8)} ${String(s.all).padStart(3)} | ${s.fieldsRight}/${s.fields} | ${s.extraRight}/${s.extra} | ${s.unstatedRight}/${s.unstated}`,
      );
      if (verbose) for (const l of lines) console.log(l);
    }
  }
  console.log('\n== total ==');
  for (const [f, form] of forms.entries()) {
    const t = totals[f] as Score;
    const pct = (a: number, b: number) => (b === 0 ? '-' : `${Math.round((100 * a) / b)}%`);
    console.log(
      `${form}: tasks ${t.tasks}, found ${t.found}, units right ${t.units}, deadline right ${t.deadline}, all right ${t.all} (${pct(t.all, t.tasks)}); notice fields (文号, 成文日期, 年度) ${t.fieldsRight} of ${t.fields}; title and issuer ${t.extraRight} of ${t.extra}; fields the key leaves null left empty ${t.unstatedRight} of ${t.unstated}`,
    );
  }
}

await main();
