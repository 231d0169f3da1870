import { ROLE_TAIL, UNIT_SUFFIX } from './cell-kind';
import { nfkc, trimSeparators } from './text';

/** How a document says who leads when it gives only a 责任单位 list. @internal */
export type FirstListedLeads = 'no' | 'first' | 'beforeComma';

/** A unit annotation found at the end of a key task's text. @internal */
export interface UnitAnnotation {
  readonly lead: string;
  readonly responsible: string;
  readonly deadline: string;
  /** Where the annotation starts in the text (the body ends there). */
  readonly start: number;
}

const LABEL =
  /(牵头单位|牵头部门|牵头责任单位|主责单位|责任单位|责任部门|责任主体|责任科室|责任处室|配合单位|配合部门|配合科室|协办单位|参与单位|完成时限|完成时间|完成期限|时限要求|时间要求|时间节点|时限)\s*:/gu;
const HINT = /牵头|责任单位|责任部门|责任主体|责任科室|配合单位|协办单位|完成时限|负责(?:落实|实施|办理)?$/u;
/** A deadline written after a unit list without a label: 2024年6月底前, 长期坚持, 全年 … */
const TRAILING_DEADLINE =
  /^(?:\d{4}年|\d{1,2}月|年底|年内|年前|长期|持续|全年|每季度|每月|每年|立即|及时)[^、]*$|(?:前|底前|以前|完成|坚持)$/u;
/** The verb a bare unit list ends with: (区发改委负责落实), (…按职责分工负责). */
const RESPONSIBLE_TAIL = /(?:按(?:照)?(?:各自)?职责(?:分工)?)?(?:分别)?负责(?:落实|实施|办理|推进)?$/u;
/** Field lines under an item: 牵头单位: / 责任单位: / 责任主体: … at a line start. */
const FIELD_LINE = /(?:^|\n)\s*(?:牵头单位|牵头部门|责任单位|责任部门|责任主体|责任科室|配合单位)\s*:/u;
const LEADS_WITH =
  /^(?:由)?(.+?)牵头(?:办理|负责|落实|实施)?(?:[,;]\s*(.+?)(?:配合|参与|协助|协办|按职责分工负责|负责)(?:落实|办理|实施|做好)?)?$/u;

/**
 * Says whether the document has a note that the first units of a 责任单位 list lead
 * (排在第一位的为牵头单位 / 逗号前的为牵头单位).
 * @internal
 */
export function readFirstListedLeads(text: string): FirstListedLeads {
  const n = nfkc(text);
  if (/(?:逗号前|第一个逗号之?前)[^。\n]{0,20}牵头/u.test(n)) return 'beforeComma';
  if (/(?:第一位|首位|第一个|排名第一|列第一|排第一|第一家)[^。\n]{0,20}牵头/u.test(n)) return 'first';
  return 'no';
}

/**
 * Finds the unit annotation of a key task or safeguard: (牵头单位:…;责任单位:…), the same with
 * commas and a 完成时限, (责任单位:…) alone, (X牵头,Y配合), (X牵头办理), a 牵头单位:… line, or a
 * closing sentence "X牵头,Y配合。". Full- and half-width punctuation alike.
 * @internal
 */
export function findUnitAnnotation(text: string, leads: FirstListedLeads): UnitAnnotation | undefined {
  const normalized = nfkc(text);
  // Offsets are read on the NFKC text and applied to the original when the lengths agree.
  const src = normalized.length === text.length ? text : normalized;
  const n = normalized.replace(/[\s。.;]+$/u, '');
  let found: { inner: string; start: number } | undefined;
  if (n.endsWith(')')) {
    const open = matchingOpen(n, n.length - 1);
    if (open >= 0) {
      const inner = src.slice(open + 1, n.length - 1);
      if (isAnnotation(inner)) found = { inner, start: open };
    }
  }
  if (found === undefined) {
    const label = FIELD_LINE.exec(n);
    if (label) {
      const start = label.index + (n[label.index] === '\n' ? 1 : 0);
      found = { inner: src.slice(start, n.length), start };
    }
  }
  if (found === undefined) {
    const lastStop = Math.max(n.lastIndexOf('。', n.length - 1), n.lastIndexOf('\n'));
    // The closing clause "由X牵头,Y配合" of the last sentence: from its start or after a comma.
    for (
      let p = lastStop + 1;
      p >= 0 && p < n.length && found === undefined;
      p = n.indexOf(',', p) + 1 || -1
    ) {
      const clause = n.slice(p);
      const m = LEADS_WITH.exec(clause.trim());
      if (clause.length <= 120 && m && !(m[1] ?? '').includes(',') && p <= n.length) {
        found = { inner: src.slice(p, n.length).replace(/[。.]$/u, ''), start: p };
      }
    }
  }
  if (found === undefined) return undefined;
  const parts = readAnnotation(found.inner);
  if (parts === undefined) return undefined;
  return { ...applyLeadRule(parts, leads), start: found.start };
}

/**
 * Every inline annotation of a paragraph that closes its own sentence — "…公开(区发改委、区科委)。
 * 围绕…解读(区政府各部门、各街镇)。" — with where each starts and ends, in order. A paragraph with one
 * annotation at its end gives one.
 * @internal
 */
export function findUnitAnnotations(
  text: string,
  leads: FirstListedLeads,
): (UnitAnnotation & { readonly end: number })[] {
  const normalized = nfkc(text);
  const src = normalized.length === text.length ? text : normalized;
  const out: (UnitAnnotation & { readonly end: number })[] = [];
  for (const m of normalized.matchAll(/\)\s*(?=[。;]|$)/gu)) {
    const close = m.index;
    const open = matchingOpen(normalized, close);
    if (open < 0 || out.some((a) => open < a.end)) continue;
    const inner = src.slice(open + 1, close);
    if (!isAnnotation(inner)) continue;
    const parts = readAnnotation(inner);
    if (parts === undefined) continue;
    out.push({ ...applyLeadRule(parts, leads), start: open, end: close + 1 });
  }
  return out;
}

/**
 * A table cell that says who leads and who helps ("办公室牵头,各科室配合", "A牵头,B负责落实",
 * "A、B牵头,C配合;各镇(街)参照落实"): its lead and responsible units; undefined for a plain list.
 * Every clause (split on , and ; outside brackets) is a list of names and its verb: the 牵头 clause
 * leads, the others are responsible.
 * @internal
 */
export function splitLeadCell(text: string): { lead: string; responsible: string } | undefined {
  const n = nfkc(text)
    .trim()
    .replace(/[。.]$/u, '');
  if (!n.includes('牵头')) return undefined;
  const m = LEADS_WITH.exec(n);
  if (m && !(m[1] ?? '').includes(',') && !(m[2] ?? '').includes(';')) {
    return { lead: trimSeparators(m[1] ?? ''), responsible: trimSeparators(m[2] ?? '') };
  }
  const clauses = splitClauses(n);
  const leads = clauses.filter((c) => /牵头(?:负责|办理|落实|实施)?$/u.test(c));
  if (leads.length !== 1) return undefined;
  const names = (c: string) => trimSeparators(c.replace(ROLE_TAIL, '').replace(/^由/u, ''));
  const others = clauses.filter((c) => !leads.includes(c)).map(names);
  if (others.some((c) => c === '' || c.length > 60)) return undefined;
  return { lead: names(leads[0] ?? ''), responsible: others.join(',') };
}

/** The names of a list, split on 、,; outside brackets. */
function splitNames(list: string): string[] {
  return splitOutsideBrackets(list, '、,，;；');
}

/** The clauses of a unit cell: split on , and ; outside brackets, trimmed. */
function splitClauses(n: string): string[] {
  return splitOutsideBrackets(n, ',;').map((c) => c.trim());
}

/** The non-blank parts of a text between separators that stand outside brackets. */
function splitOutsideBrackets(text: string, separators: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of text) {
    if ('(（〔﹝['.includes(c)) depth += 1;
    if (')）〕﹞]'.includes(c)) depth = Math.max(0, depth - 1);
    if (depth === 0 && separators.includes(c)) {
      if (cur.trim() !== '') out.push(cur);
      cur = '';
    } else cur += c;
  }
  if (cur.trim() !== '') out.push(cur);
  return out;
}

/** The index of the `(` that the `)` at `close` closes, or -1. */
function matchingOpen(n: string, close: number): number {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    const c = n[i];
    if (c === ')') depth += 1;
    else if (c === '(') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Whether a parenthesis holds units: a label or verb, or a bare list of bodies' names. */
function isAnnotation(inner: string): boolean {
  const n = nfkc(inner).trim();
  const dated = splitTrailingDeadline(n);
  return HINT.test(n) || isBareUnitList(n) || (dated !== undefined && isBareUnitList(dated.units));
}

/** (区财政局、区审计局,2024年6月底前): a unit list with an unlabelled deadline after its last comma. */
function splitTrailingDeadline(n: string): { units: string; deadline: string } | undefined {
  const at = Math.max(n.lastIndexOf(','), n.lastIndexOf(';'));
  if (at <= 0) return undefined;
  const deadline = n.slice(at + 1).trim();
  if (deadline.length > 24 || !TRAILING_DEADLINE.test(deadline)) return undefined;
  return { units: n.slice(0, at).trim(), deadline };
}

/** 区政府各部门、各街镇 / 区发改委,区科委: every name ends like a body's or is a collective phrase. */
function isBareUnitList(n: string): boolean {
  if (
    n.length === 0 ||
    n.length > 200 ||
    /^(?:含|包括|即|简称|以下|下同|详见|见)/u.test(n) ||
    /\d{4}/u.test(n)
  )
    return false;
  const tokens = n
    .replace(/[。.]$/u, '')
    .split(/[、,;]/u)
    .map((t) => t.trim().replace(/等$/u, ''));
  return tokens.every(
    (t) =>
      t.length >= 2 &&
      (UNIT_SUFFIX.test(t.replace(/\([^)]*\)$/u, '')) || /^(?:各|其他|有关|相关|全区|全县|全市)/u.test(t)),
  );
}

/** The document's rule (排在第一位的为牵头单位, 逗号前的为牵头单位) applied to a list with no lead. */
function applyLeadRule(
  parts: { lead: string; responsible: string; deadline: string },
  leads: FirstListedLeads,
): { lead: string; responsible: string; deadline: string } {
  let { lead, responsible } = parts;
  // 区发改委(牵头)、区财政局: the unit marked 牵头 leads.
  if (lead === '' && /[(（]牵头[)）]/u.test(responsible)) {
    const names = splitNames(responsible);
    const marked = (t: string) => /[(（]牵头[)）]$/u.test(t.trim());
    lead = names
      .filter(marked)
      .map((t) => t.trim().replace(/\s*[(（]牵头[)）]$/u, ''))
      .join('、');
    responsible = names
      .filter((t) => !marked(t))
      .map((t) => t.trim())
      .join('、');
    return { lead, responsible, deadline: parts.deadline };
  }
  if (lead === '' && responsible !== '' && leads !== 'no') {
    const sep = leads === 'beforeComma' ? /[,，]/u : /[、,，;；]/u;
    const m = sep.exec(responsible);
    lead = m ? responsible.slice(0, m.index).trim() : responsible;
    responsible = m ? trimSeparators(responsible.slice(m.index + 1)) : '';
  }
  return { lead, responsible, deadline: parts.deadline };
}

function readAnnotation(inner: string): { lead: string; responsible: string; deadline: string } | undefined {
  const n = nfkc(inner);
  const src = n.length === inner.length ? inner : n;
  const labels = [...n.matchAll(LABEL)];
  if (labels.length > 0) {
    const out = { lead: '', responsible: '', deadline: '' };
    // (区发改委负责落实,完成时限:…): the units before the first label, unlabelled.
    const before = trimSeparators(src.slice(0, labels[0]?.index ?? 0));
    if (before !== '') {
      const bare = readBareUnits(before);
      if (bare !== undefined) Object.assign(out, bare);
    }
    labels.forEach((m, i) => {
      const from = m.index + m[0].length;
      const to = labels[i + 1]?.index ?? n.length;
      const value = trimSeparators(src.slice(from, to));
      const label = m[1] ?? '';
      const field = label.startsWith('牵头')
        ? 'lead'
        : /时限|时间|期限/u.test(label)
          ? 'deadline'
          : 'responsible';
      out[field] = out[field] === '' ? value : `${out[field]},${value}`;
    });
    return out;
  }
  const m = LEADS_WITH.exec(n.trim());
  if (m) {
    const lead = m[1] ?? '';
    const responsible = m[2] ?? '';
    const leadStart = n.indexOf(lead);
    const respStart = responsible === '' ? -1 : n.indexOf(responsible, leadStart + lead.length);
    return {
      lead: trimSeparators(src.slice(leadStart, leadStart + lead.length)),
      responsible: respStart < 0 ? '' : trimSeparators(src.slice(respStart, respStart + responsible.length)),
      deadline: '',
    };
  }
  const bare = readBareUnits(src.trim());
  if (bare !== undefined) return { ...bare, deadline: '' };
  const dated = splitTrailingDeadline(n.trim());
  if (dated !== undefined && isBareUnitList(dated.units)) {
    const units = readBareUnits(dated.units) ?? { lead: '', responsible: trimSeparators(dated.units) };
    return { ...units, deadline: dated.deadline };
  }
  return isBareUnitList(n.trim())
    ? { lead: '', responsible: trimSeparators(src.trim()), deadline: '' }
    : undefined;
}

/** A unit list with its verb: "X负责落实" / "X按职责分工负责" (responsible), "X牵头" (lead). */
function readBareUnits(text: string): { lead: string; responsible: string } | undefined {
  const n = nfkc(text).trim();
  const lead = /^(.+?)牵头(?:负责|办理|落实)?$/u.exec(n);
  if (lead) return { lead: trimSeparators(text.trim().slice(0, lead[1]?.length ?? 0)), responsible: '' };
  const tail = RESPONSIBLE_TAIL.exec(n);
  if (tail && tail.index > 0)
    return { lead: '', responsible: trimSeparators(text.trim().slice(0, tail.index)) };
  return undefined;
}
