import { isIsoDate, toIsoDate } from '../../_lib/iso-date';
import type { BasisDocument } from '../../plan/types';
import type { NumberedLine } from './flat-table';
import { nfkc, readNumeral, readYearDigits } from './text';

/** What the lines before the first heading say. @internal */
export interface NoticeHeader {
  noticeTitle?: string;
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
  /^(?:来源|信息来源|发布(?:机构|时间|日期)|索引号|发文字号|主题分类|浏览|字号|打印|关闭|【|分享)/u;

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
  let last = -1; // the last line that belongs to the notice
  const docIdx = ls.findIndex((l) => {
    const t = nfkc(l.text).replace(/^文号\s*:\s*/u, '');
    const m = DOC_NUMBER.exec(t);
    return m !== null && m.index === 0 && t.length - m[0].length <= 2;
  });
  if (docIdx >= 0) {
    const l = ls[docIdx];
    if (l) {
      const normalized = normalizeDocNumber(l.text);
      if (normalized !== undefined) out.docNumber = normalized;
      out.docNumberLine = l.line;
    }
    last = Math.max(last, docIdx);
  }
  const recIdx = ls.findIndex(
    (l) => /[:：]$/u.test(l.text) && !/^(?:根据|附件|按照)/u.test(l.text) && l.text.length <= 200,
  );
  const apprIdx = ls.findIndex(
    (l, i) => i !== recIdx && /同意|印发给你们|现印发|现将/u.test(l.text) && !/通知$/u.test(l.text),
  );
  if (recIdx >= 0 && (apprIdx < 0 || recIdx < apprIdx)) {
    out.recipientsText = (ls[recIdx]?.text ?? '').replace(/[:：]$/u, '');
    last = Math.max(last, recIdx);
  }
  if (apprIdx >= 0) {
    out.approval = ls[apprIdx]?.text ?? '';
    last = Math.max(last, apprIdx);
  }
  // The notice title: the lines up to one ending in 通知 (or 函, 意见 …), from the one with 关于.
  const limit = [recIdx, apprIdx].filter((i) => i >= 0);
  const end = Math.min(...(limit.length > 0 ? limit : [Math.min(ls.length, 6)]));
  let titleEnd = -1;
  for (let i = 0; i < end; i++) {
    if (
      i !== docIdx &&
      /(?:通知|函|意见|决定|批复)$/u.test(ls[i]?.text ?? '') &&
      !META.test(ls[i]?.text ?? '')
    ) {
      titleEnd = i;
      break;
    }
  }
  if (titleEnd >= 0) {
    let start = titleEnd;
    for (let i = titleEnd; i >= 0; i--) {
      if (i === docIdx || META.test(ls[i]?.text ?? '')) break;
      if ((ls[i]?.text ?? '').includes('关于')) {
        start = i;
        break;
      }
    }
    out.noticeTitle = ls
      .slice(start, titleEnd + 1)
      .map((l) => l.text)
      .join('');
    const issuer = /^(.+?)关于/u.exec(out.noticeTitle)?.[1];
    if (issuer !== undefined) out.issuer = issuer;
    last = Math.max(last, titleEnd);
  }
  const from = Math.max(apprIdx, recIdx, docIdx, titleEnd);
  for (let i = from + 1; i < ls.length && from >= 0; i++) {
    const t = ls[i]?.text ?? '';
    const date = readDateLine(t);
    if (date !== undefined) {
      out.issuedOn = date;
      const sig = ls[i - 1]?.text ?? '';
      if (
        i - 1 > apprIdx &&
        i - 1 > recIdx &&
        sig.length <= 40 &&
        !/[。:：]/u.test(sig) &&
        readDateLine(sig) === undefined
      )
        out.issuer = sig;
      last = Math.max(last, i);
      break;
    }
  }
  const pubIdx = ls.findIndex(
    (l, i) => i <= last + 3 && /此件|公开方式|公开属性/u.test(l.text) && l.text.length <= 30,
  );
  if (pubIdx >= 0) {
    out.publicityText = (ls[pubIdx]?.text ?? '').replace(/^[(（【[]\s*/u, '').replace(/\s*[)）】\]]$/u, '');
    last = Math.max(last, pubIdx);
  }
  // The plan's title: the short lines after the notice, up to the first paragraph.
  const titleLines: { line: number; text: string }[] = [];
  let i = last + 1;
  for (; i < ls.length; i++) {
    const t = ls[i]?.text ?? '';
    if (t.length > 40 || /[。,，;；:：]/u.test(t) || /^(?:根据|为了?|按照|依据)/u.test(t) || META.test(t))
      break;
    titleLines.push(ls[i] as { line: number; text: string });
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
  // The documents the preamble cites: 《title》(文号).
  const preamble = ls
    .slice(i)
    .map((l) => l.text)
    .join('\n');
  for (const m of preamble.matchAll(/《([^》]+)》\s*[(（]([^()（）]{2,40}?)[)）]/gu)) {
    const docNumber = normalizeDocNumber(m[2] ?? '');
    if (docNumber !== undefined) out.basis.push({ title: m[1] ?? '', docNumber });
  }
  return out;
}
