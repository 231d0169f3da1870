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
  /(牵头单位|牵头部门|牵头责任单位|责任单位|责任部门|配合单位|配合部门|协办单位|参与单位|完成时限|完成时间|完成期限|时限要求|时间要求|时限)\s*:/gu;
const HINT = /牵头|责任单位|责任部门|配合单位|协办单位|完成时限/u;
const LEADS_WITH =
  /^(?:由)?(.+?)牵头(?:办理|负责|落实|实施)?(?:[,;]\s*(.+?)(?:配合|参与|协助|协办)(?:落实|办理|实施|做好)?)?$/u;

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
    let depth = 0;
    for (let i = n.length - 1; i >= 0; i--) {
      const c = n[i];
      if (c === ')') depth += 1;
      else if (c === '(') {
        depth -= 1;
        if (depth === 0) {
          const inner = src.slice(i + 1, n.length - 1);
          if (HINT.test(nfkc(inner))) found = { inner, start: i };
          break;
        }
      }
    }
  }
  if (found === undefined) {
    const label = /(?:^|\n)\s*(?:牵头单位|牵头部门|责任单位|责任部门)\s*:/u.exec(n);
    if (label) {
      const start = label.index + (n[label.index] === '\n' ? 1 : 0);
      found = { inner: src.slice(start, n.length), start };
    }
  }
  if (found === undefined) {
    const lastStop = Math.max(n.lastIndexOf('。', n.length - 1), n.lastIndexOf('\n'));
    const sentence = n.slice(lastStop + 1);
    if (sentence.length <= 120 && LEADS_WITH.test(sentence)) {
      found = { inner: src.slice(lastStop + 1, n.length).replace(/[。.]$/u, ''), start: lastStop + 1 };
    }
  }
  if (found === undefined) return undefined;
  const parts = readAnnotation(found.inner);
  if (parts === undefined) return undefined;
  let { lead, responsible } = parts;
  if (lead === '' && responsible !== '' && leads !== 'no') {
    const sep = leads === 'beforeComma' ? /[,，]/u : /[、,，;；]/u;
    const m = sep.exec(responsible);
    lead = m ? responsible.slice(0, m.index).trim() : responsible;
    responsible = m ? trimSeparators(responsible.slice(m.index + 1)) : '';
  }
  return { lead, responsible, deadline: parts.deadline, start: found.start };
}

function readAnnotation(inner: string): { lead: string; responsible: string; deadline: string } | undefined {
  const n = nfkc(inner);
  const src = n.length === inner.length ? inner : n;
  const labels = [...n.matchAll(LABEL)];
  if (labels.length > 0) {
    const out = { lead: '', responsible: '', deadline: '' };
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
  const alone = /^(.+?)负责(?:落实|实施)?$/u.exec(n.trim());
  if (alone) return { lead: trimSeparators(alone[1] ?? ''), responsible: '', deadline: '' };
  return undefined;
}
