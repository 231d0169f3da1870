import { isIsoDate } from '../../_lib/iso-date';
import { matchColumnHeader } from '../table-columns';
import type { NumberedLine } from './flat-table';
import { nfkc } from './text';

/** What a website's metadata box says (索引号, 发文字号, 成文日期, 发布日期, 发文机构 …). @internal */
export interface DocumentMeta {
  docNumber?: string;
  issuedOn?: string;
  publishedOn?: string;
  issuer?: string;
  publisher?: string;
  line?: number;
}

/** The keys of the metadata boxes of government websites, spaces removed. */
const META_KEY =
  /^(?:索引号|主题分类|主题词|体裁分类|组配分类|服务对象分类|发文机构|发文机关|发布机构|联合发文单位|实施日期|成文日期|公文生成日期|生成日期|发文日期|印发日期|发文字号|文号|备注\/文号|废止日期|发布日期|发布时间|公开日期|有效性|效力状态|文件来源|信息来源|来源|公开属性|公开方式|公开范围|公文种类|作者|浏览量|浏览次数|访问量|字体|分享到|关键词|所属机构|信息分类|时效|所属主题|主题|发布单位|公文文号|文件编号|信息索引号|有效期|公开时限|公开形式|文种|内容概述|统一编号|登记号|信息名称)$/u;

/** Splits the text into numbered lines: BOM dropped, no-break and ideographic spaces made plain. @internal */
export function toLines(text: string): NumberedLine[] {
  return text
    .replace(/^\uFEFF/u, '')
    .split(/\r\n|\r|\n/u)
    .map((t, i) => ({ line: i + 1, text: t.replace(/\u00A0|\u3000/gu, ' ') }));
}

const squashKey = (s: string) => nfkc(s).replace(/[\s【】[\]:]/gu, '');

/** The key: value pairs of a metadata line, or undefined when the line is not one. */
function metaPairs(text: string): [string, string][] | undefined {
  const t = nfkc(text).trim();
  // [发文字号] 东政务公开办发〔2024〕1号, numbered or not (1. [主题分类] …).
  const bracket = /^(?:\d{1,2}\s*[.、]\s*)?\[([^\]]{2,12})\]\s*(.*)$/u.exec(t);
  if (bracket && META_KEY.test(squashKey(bracket[1] ?? '')))
    return [[squashKey(bracket[1] ?? ''), bracket[2] ?? '']];
  // 索 引 号 | … | 公开方式 | 主动公开 |: key and value cells in turn.
  if (t.includes('|')) {
    const cells = t
      .replace(/^\|/u, '')
      .split('|')
      .map((c) => c.trim());
    if (!META_KEY.test(squashKey(cells[0] ?? ''))) return undefined;
    const pairs: [string, string][] = [];
    for (let i = 0; i + 1 < cells.length; i += 2) {
      const key = squashKey(cells[i] ?? '');
      if (META_KEY.test(key)) pairs.push([key, cells[i + 1] ?? '']);
    }
    return pairs;
  }
  // • 发文字号:长府办〔2024〕12号 / - 备注/文号:… / 索 引 号: … 公文种类: 通知 发布机构: …
  const body = t.replace(/^[•·\-*▪●]\s*/u, '');
  const keys = [...body.matchAll(/([\p{Script=Han}/ ]{2,14}?)\s*:/gu)].filter((m) =>
    META_KEY.test(squashKey(m[1] ?? '')),
  );
  if (keys.length === 0 || (keys[0]?.index ?? 1) !== 0) return undefined;
  return keys.map((m, i) => {
    const from = (m.index ?? 0) + m[0].length;
    const to = keys[i + 1]?.index ?? body.length;
    return [squashKey(m[1] ?? ''), body.slice(from, to).trim()];
  });
}

/** Reads an ISO (2024-05-14, 2024-07-01 09:25) or 2024年5月14日 date. */
function metaDate(value: string): string | undefined {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/u.exec(nfkc(value).trim());
  if (!m) return undefined;
  const iso = `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

/**
 * Takes the metadata box of a web page out of the text (its lines become blank, so line numbers
 * stay) and reads its 文号, dates and issuing office. Only lines before the body's first heading
 * are looked at: a line of the body is never metadata.
 * @internal
 */
export function takeMetadata(lines: readonly NumberedLine[]): { lines: NumberedLine[]; meta: DocumentMeta } {
  const meta: DocumentMeta = {};
  const out = lines.map((l) => ({ ...l }));
  for (const l of out) {
    if (
      /^\s*(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|（[一二三四五六七八九十]{1,3}）)/u.test(
        l.text,
      )
    )
      break;
    const pairs = metaPairs(l.text);
    if (pairs === undefined || pairs.length === 0) continue;
    meta.line ??= l.line;
    l.text = '';
    for (const [key, value] of pairs) readMetaValue(meta, key, value.trim());
  }
  return { lines: out, meta };
}

function readMetaValue(meta: DocumentMeta, key: string, value: string): void {
  if (value === '') return;
  if (/文号|发文字号|文件编号/u.test(key)) meta.docNumber ??= value;
  else if (/^(?:成文日期|公文生成日期|生成日期|发文日期|印发日期)$/u.test(key)) {
    const d = metaDate(value);
    if (d !== undefined) meta.issuedOn ??= d;
  } else if (/^(?:发布日期|发布时间|公开日期)$/u.test(key)) {
    const d = metaDate(value);
    if (d !== undefined) meta.publishedOn ??= d;
  } else if (/^(?:发文机构|发文机关)$/u.test(key)) meta.issuer ??= value;
  else if (key === '发布机构' || key === '发布单位') meta.publisher ??= value;
}

/**
 * A table copied from a web page one cell per line, without any `|` (the 长宁 form): a run of at least
 * three header lines, rows separated by blank lines. Rewrites it in the `|` form the table reader
 * takes: each cell line ends with ` |`, each blank line between rows is a lone `|` (a row end).
 * Other text is returned as it was.
 * @internal
 */
export function pipeCellLines(lines: readonly NumberedLine[]): NumberedLine[] {
  if (lines.some((l) => l.text.includes('|'))) return [...lines];
  const isHeader = (t: string) => t.trim() !== '' && matchColumnHeader(t.trim()) !== undefined;
  let start = -1;
  for (let i = 0; i + 2 < lines.length && start < 0; i++) {
    if (
      isHeader(lines[i]?.text ?? '') &&
      isHeader(lines[i + 1]?.text ?? '') &&
      isHeader(lines[i + 2]?.text ?? '')
    )
      start = i;
  }
  if (start < 0) return cellParagraphs(lines, isHeader);
  let blank = false;
  return lines.map((l, i) => {
    if (i < start) return l;
    if (l.text.trim() === '') {
      const end = !blank;
      blank = true;
      return { line: l.line, text: end ? '|' : '' };
    }
    blank = false;
    return { line: l.line, text: `${l.text.trim()} |` };
  });
}

/**
 * The other copy of a page's table (the 蓬江 form): every cell its own paragraph, header cells
 * included, blank lines between the cells and nothing between the rows. Each cell line gets its ` |`
 * and the blank lines go: the table reader then tells the rows apart by their cells.
 */
function cellParagraphs(lines: readonly NumberedLine[], isHeader: (t: string) => boolean): NumberedLine[] {
  const filled = lines.flatMap((l, i) => (l.text.trim() === '' ? [] : [i]));
  let start = -1;
  for (let k = 0; k + 2 < filled.length && start < 0; k++) {
    const [a, b, c] = [filled[k], filled[k + 1], filled[k + 2]] as [number, number, number];
    if (b > a + 1 && c > b + 1 && [a, b, c].every((i) => isHeader(lines[i]?.text ?? ''))) start = a;
  }
  if (start < 0) return [...lines];
  // The table's title a few lines above its header (江门市蓬江区民政局2021年…分工方案): a title row;
  // what stands between them (a page's 字体:[大] [中] [小] bar) is left out.
  let title = -1;
  for (let i = start - 1, seen = 0; i >= 0 && seen < 6 && title < 0; i--) {
    const t = lines[i]?.text.trim() ?? '';
    if (t === '') continue;
    seen += 1;
    if (t.length <= 60 && !/[。,，;；]/u.test(t) && TABLE_TITLE.test(t)) title = i;
  }
  return lines.flatMap((l, i) => {
    if (i === title)
      return [
        { line: l.line, text: `${l.text.trim()} |` },
        { line: l.line, text: '|' },
      ];
    if (i < start) return title >= 0 && i > title ? [] : [l];
    if (l.text.trim() === '') return [];
    return [{ line: l.line, text: `${l.text.trim()} |` }];
  });
}

const TABLE_TITLE = /(?:方案|要点|清单|分解表|任务表|台账)$/u;

const ANNEX_START = /^\s*附\s*件\s*\d*\s*[:：]?/u;

/**
 * Where the annex starts: the decomposition table (its header row of at least three known column
 * names, with the title rows and 附件 lines just above it). Without a table: the first 附件 line
 * after the body's first heading, or the end.
 * @internal
 */
export function findAnnexStart(lines: readonly NumberedLine[], firstHeading: number): number {
  // A header line with its `|`, or a header cell whose `|` stands alone on the next line.
  const header = lines.findIndex(
    (l, i) => (l.text.includes('|') || lines[i + 1]?.text.trim() === '|') && tableHeaderAt(lines, i),
  );
  if (header >= 0) {
    let at = header;
    let committed = header;
    // Title rows with `|` and 附件 lines belong to the annex; a title line without `|` only when a
    // 附件 line stands above it (else it is the plan's own title, read with the header).
    while (at > 0) {
      const prev = lines[at - 1]?.text.trim() ?? '';
      const tableTitle = prev.length <= 60 && !/[。,，;；]/u.test(prev) && /(?:表|清单|台账)$/u.test(prev);
      if (ANNEX_START.test(prev)) {
        at -= 1;
        committed = at;
      } else if (prev === '' || tableTitle || (prev.includes('|') && !/[。]/u.test(prev))) at -= 1;
      else break;
      if (prev.includes('|')) committed = at;
    }
    at = committed;
    while (at < header && (lines[at]?.text.trim() ?? '') === '') at += 1;
    return at;
  }
  const annex = lines.findIndex((l, i) => i > firstHeading && ANNEX_START.test(l.text));
  return annex < 0 ? lines.length : annex;
}

/** Whether a table header (three or more known column names) starts at line `i`, in a row or one cell a line. */
function tableHeaderAt(lines: readonly NumberedLine[], i: number): boolean {
  const cells = (t: string) =>
    t
      .split('|')
      .map((c) => c.trim())
      .filter((c) => c !== '');
  const here = cells(lines[i]?.text ?? '');
  if (here.filter((c) => matchColumnHeader(c) !== undefined).length >= 3) return true;
  let named = 0;
  for (let j = i; j < lines.length && named < 3; j++) {
    const c = cells(lines[j]?.text ?? '');
    if (c.length === 0) continue;
    if (c.length !== 1 || matchColumnHeader(c[0] ?? '') === undefined) break;
    named += 1;
  }
  return named >= 3;
}
