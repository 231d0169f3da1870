/**
 * Scoring of an import against an answer key of ../shared/corpus's shape (its README): shared by
 * `pnpm eval:import` and the tests that hold the importer to the fixtures of corpus-extra.
 */
import type { ParsedPlanDocument } from '@qxg/disclosure-core';

/** A score with every count at zero. */
export function emptyScore(): Score {
  return {
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
}

export interface AnswerTask {
  readonly path: string;
  readonly text: string;
  readonly lead: string;
  readonly responsible: string;
  readonly deadline: string;
  readonly complete: boolean;
}
export interface Answer {
  readonly notice: {
    readonly title: string | null;
    readonly docNumber: string | null;
    readonly issuer: string | null;
    readonly issuedOn: string | null;
    readonly year: number | null;
  };
  readonly tasks: readonly AnswerTask[];
}

export interface Score {
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

/** Letters and digits after NFKC: texts compared whatever their punctuation and spacing. */
export const squash = (s: string) => s.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');

/** Splits a unit list on 、,; outside brackets, each name squashed. */
export function unitNames(text: string): string[] {
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

export function scoreDocument(r: ParsedPlanDocument, answer: Answer, lines: string[]): Score {
  const s = emptyScore();
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
export function restoreFullWidth(text: string): string {
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

/** A corpus copy without its three provenance lines. */
export const dropProvenance = (text: string) =>
  text.startsWith('SOURCE-FORM:') ? text.split('\n').slice(3).join('\n') : text;
