/**
 * Decoding of text files (.txt, .csv, .html) as offices publish them. No dependency and no Node API:
 * the browser entry point `@qxg/plan-io/text` exports it for the admin app's preview.
 */

/**
 * Decodes a text file's bytes: UTF-8, or GB18030 where an older government page declares GB2312 /
 * GBK / GB18030 in a `<meta charset>`, or where the UTF-8 reading is broken and the head does not
 * say utf-8. Falls back to UTF-8 when the runtime has no GB18030 decoder.
 *
 * @example
 * ```ts
 * decodePlanText(new TextEncoder().encode('七星关区')); // '七星关区'
 * decodePlanText(gbkBytesOfAPage); // the page, read as GB18030
 * ```
 */
export function decodePlanText(bytes: Uint8Array): string {
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  const head = utf8.slice(0, 4096);
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*(gb2312|gbk|gb18030)/iu.test(head);
  if (declared || (utf8.includes('\uFFFD') && !head.includes('utf-8'))) {
    try {
      return new TextDecoder('gb18030').decode(bytes);
    } catch {
      return utf8;
    }
  }
  return utf8;
}
