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
import {
  type Answer,
  dropProvenance,
  emptyScore,
  restoreFullWidth,
  type Score,
  scoreDocument,
} from './score-import';

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
  const totals = forms.map(() => emptyScore());
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
