import type { DeadlinePhrase } from './types';

const NUM = '(?:\\d{1,4}|[０-９]{1,4}|[〇零一二三四五六七八九十]{1,4})';
const PATTERNS = [
  // 2020年7月中旬前, 7月底前, 9月30日前, 十二月底前
  `(?:${NUM}年)?${NUM}月(?:${NUM}[日号])?(?:上旬|中旬|下旬|底|末|初)?(?:前|内)`,
  // 年底前, 2020年底前, 2020年内, 年内
  `(?:${NUM}年)?年(?:底|末)前`,
  `${NUM}年(?:内|底前|全年)`,
  // 三季度前, 二季度末前, 上半年前
  `[一二三四1-4]季度(?:末|底)?(?:前|内)`,
  '[上下]半年(?:前|内)',
  // 立即落实,长期坚持 / 立即落实,并长期坚持 / 长期坚持 / 常态化推进
  '立即落实[,，]?(?:并)?长期坚持',
  '(?<!落实[,，]?(?:并)?)长期坚持',
  // 待…后 (with the 立即… that follows it, if any)
  '待[^。;；]*?后(?:[,，]立即[^,，。;；]*)?',
  // 每年至少要组织1—2次, 每季度1次
  `每(?:年|半年|季度|月)(?:至少)?[^。,，;；]*?${NUM}(?:[—–\\-~～至]${NUM})?次`,
  // 从二季度起
  '从[一二三四1-4]季度起',
  // 自…之日起20个工作日内
  `自[^。;；]*?之日起${NUM}个(?:工作日|自然日|日|天)内`,
];
const PHRASE = new RegExp(PATTERNS.join('|'), 'gu');

/**
 * Finds the deadline wording in a body paragraph, in order, with offsets. It only locates phrases;
 * `parseDeadline` says what each means.
 *
 * @example
 * ```ts
 * extractDeadlinePhrases('7月中旬前,各单位要…,10月底前健全完善制度规范。').map((p) => p.text);
 * // ['7月中旬前', '10月底前']
 * ```
 */
export function extractDeadlinePhrases(text: string): DeadlinePhrase[] {
  return [...text.matchAll(PHRASE)].map((m) => ({ text: m[0], offset: m.index }));
}
