import {
  type ParsedPlanDocument,
  type ParsePlanDocumentOptions,
  parsePlanDocument,
} from '@qxg/disclosure-core';
import { unzipSync } from 'fflate';
import { elements, type GridCell, type MarkupNode, oneLine, parseMarkup, tableLines } from './_lib/markup';
import { checkZipBounds, type ZIP_LIMITS, ZipLimitError } from './zip-limits';

/** The numbering formats of Word's automatic lists that plans use, as the text they print. */
const CHINESE = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
function chineseNumber(n: number): string {
  if (n <= 10) return CHINESE[n] ?? String(n);
  if (n < 20) return `十${CHINESE[n - 10]}`;
  const tens = Math.floor(n / 10);
  return `${CHINESE[tens]}十${n % 10 === 0 ? '' : CHINESE[n % 10]}`;
}
const CIRCLED = (n: number) => (n >= 1 && n <= 20 ? String.fromCodePoint(0x245f + n) : String(n));

interface Level {
  readonly format: string;
  readonly text: string;
  readonly start: number;
}

/** numId → level → format, from word/numbering.xml. */
function readNumbering(xml: string | undefined): Map<string, Map<number, Level>> {
  const out = new Map<string, Map<number, Level>>();
  if (xml === undefined) return out;
  const root = elements(parseMarkup(xml, true), 'w:numbering')[0];
  if (root === undefined) return out;
  const abstract = new Map<string, Map<number, Level>>();
  for (const a of elements(root, 'w:abstractNum')) {
    const levels = new Map<number, Level>();
    for (const lvl of elements(a, 'w:lvl')) {
      const val = (name: string) => elements(lvl, name)[0]?.attribs?.['w:val'];
      levels.set(Number(lvl.attribs?.['w:ilvl'] ?? 0), {
        format: val('w:numFmt') ?? 'decimal',
        text: val('w:lvlText') ?? '',
        start: Number(val('w:start') ?? 1),
      });
    }
    abstract.set(a.attribs?.['w:abstractNumId'] ?? '', levels);
  }
  for (const num of elements(root, 'w:num')) {
    const id = elements(num, 'w:abstractNumId')[0]?.attribs?.['w:val'] ?? '';
    const levels = abstract.get(id);
    if (levels) out.set(num.attribs?.['w:numId'] ?? '', levels);
  }
  return out;
}

function formatNumber(format: string, n: number): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'ideographTraditional':
    case 'taiwaneseCountingThousand':
      return chineseNumber(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED(n);
    default:
      return String(n);
  }
}

/** Prints Word's automatic numbers (一、 (一) 1.) in front of the paragraphs that carry them. */
function createNumberer(numbering: Map<string, Map<number, Level>>) {
  const counters = new Map<string, number[]>();
  return (p: MarkupNode): string => {
    const numPr = elements(elements(p, 'w:pPr')[0] ?? { type: 'tag' }, 'w:numPr')[0];
    if (numPr === undefined) return '';
    const numId = elements(numPr, 'w:numId')[0]?.attribs?.['w:val'] ?? '';
    const ilvl = Number(elements(numPr, 'w:ilvl')[0]?.attribs?.['w:val'] ?? 0);
    const levels = numbering.get(numId);
    const level = levels?.get(ilvl);
    if (levels === undefined || level === undefined || level.format === 'bullet' || level.format === 'none')
      return '';
    const count = counters.get(numId) ?? [];
    count[ilvl] = (count[ilvl] ?? level.start - 1) + 1;
    count.length = ilvl + 1; // deeper levels restart
    counters.set(numId, count);
    return level.text.replace(/%(\d)/gu, (_, d: string) => {
      const l = Number(d) - 1;
      return formatNumber(levels.get(l)?.format ?? 'decimal', count[l] ?? levels.get(l)?.start ?? 1);
    });
  };
}

/** The text of a paragraph's runs: w:t, tabs and breaks. */
function paragraphText(p: MarkupNode): string {
  let out = '';
  const walk = (n: MarkupNode) => {
    for (const c of n.children ?? []) {
      if (c.type === 'text') continue;
      if (c.name === 'w:t') out += (c.children ?? []).map((t) => t.data ?? '').join('');
      else if (c.name === 'w:tab') out += ' ';
      else if (c.name === 'w:br' || c.name === 'w:cr') out += '\n';
      else if (c.name === 'w:delText' || c.name === 'w:instrText') continue;
      else walk(c);
    }
  };
  walk(p);
  return out;
}

/** A Word table as grid cells: gridSpan for horizontal merges, vMerge for vertical ones. */
function tableRows(tbl: MarkupNode, number: (p: MarkupNode) => string): GridCell[][] {
  return elements(tbl, 'w:tr').map((tr) =>
    elements(tr, 'w:tc').map((tc) => {
      const pr = elements(tc, 'w:tcPr')[0];
      const span = Number(elements(pr ?? { type: 'tag' }, 'w:gridSpan')[0]?.attribs?.['w:val'] ?? 1);
      const vMerge = elements(pr ?? { type: 'tag' }, 'w:vMerge')[0];
      const continues = vMerge !== undefined && (vMerge.attribs?.['w:val'] ?? 'continue') !== 'restart';
      const text = blockLines(tc, number).map(oneLine).join('');
      return { text, colSpan: Number.isFinite(span) ? span : 1, rowSpan: 1, continues };
    }),
  );
}

/** Paragraphs (numbered as printed) and tables (in the `|` form) of a body or cell, in order. */
function blockLines(node: MarkupNode, number: (p: MarkupNode) => string): string[] {
  const lines: string[] = [];
  for (const c of elements(node)) {
    if (c.name === 'w:p') lines.push(...`${number(c)}${paragraphText(c)}`.replace(/\|/gu, '｜').split('\n'));
    else if (c.name === 'w:tbl') lines.push(...tableLines(tableRows(c, number)));
    else if (c.name === 'w:sdt' || c.name === 'w:sdtContent' || c.name === 'w:customXml')
      lines.push(...blockLines(c, number));
  }
  return lines;
}

/**
 * The text of a Word (.docx) document as the plan reader takes it: one line per paragraph (Word's
 * automatic 一、/(一)/1. numbers printed in front), each table one `|` row per line with merged
 * cells (w:gridSpan, w:vMerge) left empty in place. `undefined` when the bytes are not a .docx; a
 * {@link ZipLimitError} when the archive is past {@link ZIP_LIMITS} (checked before inflating).
 *
 * @example
 * ```ts
 * docxText(bytes)?.split('\n').find((l) => l.startsWith('|类别|')); // '|类别|重点任务| |牵头单位|责任单位|完成时限|'
 * ```
 */
export function docxText(data: Uint8Array): string | undefined {
  let files: Record<string, Uint8Array>;
  const part = (name: string) => name === 'word/document.xml' || name === 'word/numbering.xml';
  try {
    // Refuse a zip bomb before inflating (throws ZipLimitError); only the two parts read are inflated.
    checkZipBounds(data, { entries: part });
    files = unzipSync(data, { filter: (f) => part(f.name) });
  } catch (error) {
    if (error instanceof ZipLimitError) throw error;
    return undefined;
  }
  const documentXml = files['word/document.xml'];
  if (documentXml === undefined) return undefined;
  const decode = (b: Uint8Array | undefined) =>
    b === undefined ? undefined : new TextDecoder('utf-8').decode(b);
  const root = parseMarkup(decode(documentXml) ?? '', true);
  const body = elements(elements(root, 'w:document')[0] ?? { type: 'tag' }, 'w:body')[0];
  if (body === undefined) return undefined;
  const number = createNumberer(readNumbering(decode(files['word/numbering.xml'])));
  return blockLines(body, number).join('\n');
}

/**
 * Reads a plan from a Word (.docx) file: its paragraphs and real Word tables (horizontal and vertical
 * merges) through {@link docxText}, then `parsePlanDocument`. A file that is not a readable .docx is
 * an `unreadable_sheet` error finding.
 *
 * @example
 * ```ts
 * const { plan, findings } = readPlanDocx(new Uint8Array(await readFile('plan.docx')), { registry });
 * ```
 */
export function readPlanDocx(data: Uint8Array, options: ParsePlanDocumentOptions): ParsedPlanDocument {
  const text = docxText(data);
  if (text === undefined) {
    return {
      findings: [
        {
          code: 'unreadable_sheet',
          severity: 'error',
          message: { zh: '无法读取此 Word 文件(.docx)', en: 'The Word file (.docx) cannot be read' },
          location: {},
        },
      ],
    };
  }
  return parsePlanDocument(text, options);
}
