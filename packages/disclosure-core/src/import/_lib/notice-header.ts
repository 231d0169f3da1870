import { isIsoDate, toIsoDate } from '../../_lib/iso-date';
import type { BasisDocument } from '../../plan/types';
import type { NumberedLine } from './flat-table';
import { nfkc, readNumeral, readYearDigits } from './text';

/** What the lines before the first heading say. @internal */
export interface NoticeHeader {
  noticeTitle?: string;
  /** A 文号 line whose brackets or 号 were lost (乐府发〔202315), as written. */
  damagedDocNumber?: { text: string; line: number };
  issuer?: string;
  docNumber?: string;
  docNumberLine?: number;
  recipientsText?: string;
  approval?: string;
  issuedOn?: string;
  publicityText?: string;
  title?: string;
  titleLine?: number;
  basis: BasisDocument[];
}

const DOC_NUMBER =
  /([\p{Script=Han}A-Za-z]{1,20}?)\s*[〔[【(]\s*(\d{4})\s*[〕\]】)]\s*(?:第\s*)?(\d{1,4})\s*号/u;
const DATE =
  /^(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日$/u;
const META =
  /^(?:来源|信息来源|发布(?:机构|时间|日期)|索引号|发文字号|主题分类|浏览|字号|打印|关闭|【|分享|附\s*件)/u;
/** A 文号 damaged by HTML stripping: a short issuer code and a run of digits, brackets or 号 lost. */
const DAMAGED_DOC_NUMBER =
  /^[\p{Script=Han}]{1,12}[〔[【(﹝]?\s*(?:19|20)\d{2}\s*[〕\]】)﹞]?\s*(?:第\s*)?\d{0,4}\s*[号號]?$/u;
/** The name of an office on a line of its own (the first line of a title broken over lines). */
const OFFICE_LINE = /(?:人民政府|政府|办公室|办公厅|委员会|领导小组|管委会|局|委|办|中心)$/u;
/** A 代章 line under the signature: the sealing body, not the issuer. */
const SEAL_LINE = /代章[)）]?$/u;

/**
 * Normalises a 文号 written with any brackets and spacing to `X〔YYYY〕N号`.
 * @internal
 */
export function normalizeDocNumber(text: string): string | undefined {
  const m = DOC_NUMBER.exec(nfkc(text));
  return m ? `${m[1]}〔${m[2]}〕${Number(m[3])}号` : undefined;
}

/** Reads a date line (2020年6月4日, 二〇二〇年六月四日) as an ISO date. @internal */
export function readDateLine(text: string): string | undefined {
  const t = nfkc(text)
    .replace(/^(?:成文日期|发文日期|印发日期|日期)\s*:\s*/u, '')
    .replace(/\s+/gu, '');
  const m = DATE.exec(t);
  if (!m) return undefined;
  const iso = toIsoDate(readYearDigits(m[1] ?? ''), readNumeral(m[2] ?? ''), readNumeral(m[3] ?? ''));
  return isIsoDate(iso) ? iso : undefined;
}

/**
 * Reads the notice header, the plan title and the preamble: 关于印发…的通知, its 文号 in any bracket
 * form, 主送, the approving sentence, signature and date, 此件公开发布 and its variants, then the
 * plan's title lines and the 根据《…》(文号) documents it cites.
 * @internal
 */
export function readNoticeHeader(lines: readonly NumberedLine[]): NoticeHeader {
  const out: NoticeHeader = { basis: [] };
  const ls = lines.map((l) => ({ line: l.line, text: l.text.trim() })).filter((l) => l.text !== '');
  // …的通知(某政办发〔2024〕3号): a 文号 in brackets after the title, where web pages often put it.
  for (const [i, l] of ls.entries()) {
    const m = /^(.+?(?:通知|意见|决定|批复|函))\s*[(（]([^()（）]{2,30})[)）]$/u.exec(l.text);
    const number = m ? normalizeDocNumber(m[2] ?? '') : undefined;
    if (m && number !== undefined && out.docNumber === undefined) {
      ls[i] = { line: l.line, text: m[1] ?? '' };
      out.docNumber = number;
      out.docNumberLine = l.line;
    }
  }
  const docIdx = readDocNumberLine(ls, out);
  const recIdx = ls.findIndex(
    (l) => /[:：]$/u.test(l.text) && !/^(?:根据|附件|按照)/u.test(l.text) && l.text.length <= 200,
  );
  const apprIdx = ls.findIndex(
    (l, i) => i !== recIdx && /同意|印发给你们|现印发|现将/u.test(l.text) && !/通知$/u.test(l.text),
  );
  let last = docIdx; // the last line that belongs to the notice
  if (recIdx >= 0 && (apprIdx < 0 || recIdx < apprIdx)) {
    out.recipientsText = (ls[recIdx]?.text ?? '').replace(/[:：]$/u, '');
    last = Math.max(last, recIdx);
  }
  if (apprIdx >= 0) {
    out.approval = ls[apprIdx]?.text ?? '';
    last = Math.max(last, apprIdx);
  }
  const limit = [recIdx, apprIdx].filter((i) => i >= 0);
  const titleEnd = readNoticeTitle(
    ls,
    docIdx,
    Math.min(...(limit.length > 0 ? limit : [Math.min(ls.length, 6)])),
    out,
  );
  last = Math.max(
    last,
    titleEnd,
    readSignature(ls, Math.max(apprIdx, recIdx, docIdx, titleEnd), [apprIdx, recIdx], out),
  );
  const pubIdx = ls.findIndex(
    (l, i) => i <= last + 3 && /此件|公开方式|公开属性/u.test(l.text) && l.text.length <= 30,
  );
  if (pubIdx >= 0) {
    out.publicityText = (ls[pubIdx]?.text ?? '').replace(/^[(（【[]\s*/u, '').replace(/\s*[)）】\]]$/u, '');
    last = Math.max(last, pubIdx);
  }
  const bodyFrom = readPlanTitle(ls, last + 1, out);
  // The documents the preamble cites: 《title》(文号).
  const preamble = ls
    .slice(bodyFrom)
    .map((l) => l.text)
    .join('\n');
  for (const m of preamble.matchAll(/《([^》]+)》\s*[(（]([^()（）]{2,40}?)[)）]/gu)) {
    const docNumber = normalizeDocNumber(m[2] ?? '');
    if (docNumber !== undefined) out.basis.push({ title: m[1] ?? '', docNumber });
  }
  return out;
}

type HeaderLine = { readonly line: number; readonly text: string };

/** The 文号 line (any brackets), or a damaged one; its index, -1 when there is none. */
function readDocNumberLine(ls: readonly HeaderLine[], out: NoticeHeader): number {
  const docIdx = ls.findIndex((l) => {
    const t = nfkc(l.text).replace(/^文号\s*:\s*/u, '');
    const m = DOC_NUMBER.exec(t);
    return m !== null && m.index === 0 && t.length - m[0].length <= 2;
  });
  if (docIdx < 0 && out.docNumber !== undefined) return -1;
  if (docIdx < 0) {
    const damaged = ls.findIndex(
      (l) =>
        DAMAGED_DOC_NUMBER.test(nfkc(l.text)) &&
        normalizeDocNumber(l.text) === undefined &&
        !/年/u.test(l.text),
    );
    if (damaged >= 0) out.damagedDocNumber = { text: ls[damaged]?.text ?? '', line: ls[damaged]?.line ?? 0 };
    return -1;
  }
  const l = ls[docIdx];
  if (l) {
    const normalized = normalizeDocNumber(l.text);
    if (normalized !== undefined) out.docNumber = normalized;
    out.docNumberLine = l.line;
  }
  return docIdx;
}

/**
 * The notice title: the lines up to one ending in 通知 (or 函, 意见 …), from the one with 关于 (and the
 * office's name on the line above it, when the title is broken there). Returns its last index or -1.
 */
function readNoticeTitle(ls: readonly HeaderLine[], docIdx: number, end: number, out: NoticeHeader): number {
  let titleEnd = -1;
  for (let i = 0; i < end; i++) {
    const t = ls[i]?.text ?? '';
    if (i !== docIdx && /(?:通知|函|意见|决定|批复)$/u.test(t) && !META.test(t)) {
      titleEnd = i;
      break;
    }
  }
  if (titleEnd < 0) return -1;
  let start = titleEnd;
  for (let i = titleEnd; i >= 0; i--) {
    if (i === docIdx || META.test(ls[i]?.text ?? '')) break;
    if ((ls[i]?.text ?? '').includes('关于')) {
      start = i;
      break;
    }
  }
  // 乐至县人民政府办公室 ⏎ 关于印发…: the issuing office on the line above.
  const above = ls[start - 1]?.text ?? '';
  const opensWithAbout = (ls[start]?.text ?? '').startsWith('关于');
  if (
    start >= 1 &&
    start - 1 !== docIdx &&
    opensWithAbout &&
    OFFICE_LINE.test(above) &&
    above.length <= 30 &&
    !META.test(above)
  )
    start -= 1;
  out.noticeTitle = ls
    .slice(start, titleEnd + 1)
    .map((l) => l.text)
    .join('');
  const issuer = /^(.+?)关于/u.exec(out.noticeTitle)?.[1];
  if (issuer !== undefined) out.issuer = issuer;
  return titleEnd;
}

/** The date line after the notice and the signature above it (above a 代章 line). Returns its index or -1. */
function readSignature(
  ls: readonly HeaderLine[],
  from: number,
  before: readonly number[],
  out: NoticeHeader,
): number {
  for (let i = from + 1; i < ls.length && from >= 0; i++) {
    // 某某县人民政府办公室 2024年5月14日: signature and date on one line.
    const both = /^(\S.{1,38}?)\s+((?:\d{4}|[〇零一二三四五六七八九]{4})\s*年.{1,12}日)$/u.exec(
      ls[i]?.text ?? '',
    );
    const bothDate = both ? readDateLine(both[2] ?? '') : undefined;
    if (both && bothDate !== undefined && !/[。:：,，]/u.test(both[1] ?? '')) {
      out.issuedOn = bothDate;
      if (before.every((b) => i > b)) out.issuer = (both[1] ?? '').trim();
      return i;
    }
    const date = readDateLine(ls[i]?.text ?? '');
    if (date === undefined) continue;
    out.issuedOn = date;
    const sigAt = SEAL_LINE.test(ls[i - 1]?.text ?? '') ? i - 2 : i - 1;
    // 东城区政务公开领导小组办公室(…代章) on one line: the sealing body in brackets is not the issuer.
    const sig = (ls[sigAt]?.text ?? '').replace(/\s*[(（][^()（）]*代章[)）]$/u, '');
    if (
      before.every((b) => sigAt > b) &&
      sig.length <= 40 &&
      !/[。:：]/u.test(sig) &&
      readDateLine(sig) === undefined
    )
      out.issuer = sig;
    return i;
  }
  return -1;
}

/** The plan's title: the short lines from `from`, up to the first paragraph. Returns where the body starts. */
function readPlanTitle(ls: readonly HeaderLine[], from: number, out: NoticeHeader): number {
  const titleLines: HeaderLine[] = [];
  let i = from;
  for (; i < ls.length; i++) {
    const t = ls[i]?.text ?? '';
    if (
      t.length > 40 ||
      /[。,，;；:：]/u.test(t) ||
      /^(?:根据|为了?|按照|依据)/u.test(t) ||
      /^[….]+$/u.test(t)
    )
      break;
    if (META.test(t) || SEAL_LINE.test(t) || readDateLine(t) !== undefined) continue;
    titleLines.push(ls[i] as HeaderLine);
  }
  if (titleLines.length > 0) {
    out.title = titleLines.map((l) => l.text).join('');
    out.titleLine = titleLines[0]?.line ?? 0;
  } else {
    const fromNotice =
      /《([^》]+)》/u.exec(out.approval ?? '')?.[1] ??
      /关于印发(.+)的通知$/u.exec(out.noticeTitle ?? '')?.[1];
    if (fromNotice !== undefined) out.title = fromNotice;
  }
  return i;
}
