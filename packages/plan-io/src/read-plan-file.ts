import {
  type ParsedPlanDocument,
  type ParsePlanDocumentOptions,
  parsePlanDocument,
} from '@qxg/disclosure-core';
import { readPlanCsv } from './csv';
import { decodePlanText as decodeText } from './decode-text';
import { readPlanDocx } from './docx';
import { readPlanHtml } from './html';
import { readPlanXlsx } from './xlsx';
import type { ZIP_LIMITS, ZipLimitError } from './zip-limits';

/** The formats {@link readPlanFile} tells apart. */
export type PlanFileFormat = 'docx' | 'xlsx' | 'html' | 'csv' | 'text';

/**
 * Says which format a file is in, from its bytes first and its name second: a zip holding
 * `word/document.xml` is .docx, one holding `xl/workbook.xml` is .xlsx; text with HTML tags is a web
 * page; a `.csv` name is CSV; anything else is plain text.
 *
 * @example
 * ```ts
 * detectPlanFormat(bytes, 'plan.doc.html'); // 'html'
 * ```
 */
export function detectPlanFormat(bytes: Uint8Array, fileName: string): PlanFileFormat {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 1 << 20)));
    if (head.includes('word/')) return 'docx';
    if (head.includes('xl/')) return 'xlsx';
    return /\.docx$/iu.test(fileName) ? 'docx' : 'xlsx';
  }
  const start = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096));
  if (/\.html?$/iu.test(fileName) || /<(?:!doctype html|html|body|p|div|table)[\s>]/iu.test(start))
    return 'html';
  if (/\.csv$/iu.test(fileName)) return 'csv';
  return 'text';
}

/**
 * Reads a plan from a file's bytes, whatever its format: Word (.docx: paragraphs and real tables
 * with merged cells), a web page (.html as saved from a government site), a workbook (.xlsx), CSV,
 * or plain text (UTF-8, or GB18030 where declared). The result is the one
 * `parsePlanDocument` / `readPlanXlsx` / `readPlanCsv` give: the plan input, the plan when it could
 * be built, and the findings. Never throws on malformed input: an unreadable file is an error finding.
 * The one exception is an archive (.xlsx, .docx) past {@link ZIP_LIMITS}: it throws a
 * {@link ZipLimitError} before anything is inflated, so that callers refuse it outright.
 *
 * @example
 * ```ts
 * const result = await readPlanFile(new Uint8Array(await readFile(path)), basename(path), { registry });
 * result.input?.categories.flatMap((c) => c.keyTasks).length;
 * ```
 */
export async function readPlanFile(
  bytes: Uint8Array,
  fileName: string,
  options: ParsePlanDocumentOptions,
): Promise<ParsedPlanDocument> {
  switch (detectPlanFormat(bytes, fileName)) {
    case 'docx':
      return readPlanDocx(bytes, options);
    case 'xlsx':
      return readPlanXlsx(bytes, options);
    case 'html':
      return readPlanHtml(decodeText(bytes), options);
    case 'csv':
      return readPlanCsv(decodeText(bytes), options);
    case 'text':
      return parsePlanDocument(decodeText(bytes), options);
  }
}
