/**
 * The sentence-sized account of how a period became a due date ("中旬止于20日"), kept on each `by`
 * deadline for explanations.
 * @internal
 */
import type { LocalizedMessage } from '../../_lib/result';
import type { DeadlinePrecision } from '../types';
import { enMonth } from './format';

const XUN_ZH = ['', '上旬', '中旬', '下旬'];
const XUN_EN = ['', 'the first ten days', 'the middle ten days', 'the last ten days'];
const ORDINAL_EN = ['', '1st', '2nd', '3rd', '4th'];
const QUARTER_ZH = ['', '一季度', '二季度', '三季度', '四季度'];

function dayOrdinal(d: number): string {
  const suffix =
    d % 10 === 1 && d !== 11
      ? 'st'
      : d % 10 === 2 && d !== 12
        ? 'nd'
        : d % 10 === 3 && d !== 13
          ? 'rd'
          : 'th';
  return `${d}${suffix}`;
}

/** How a period was read. */
export function readingOf(
  precision: DeadlinePrecision,
  month: number,
  part: number,
  dueDay: number,
  beforeXunBegins: boolean,
): LocalizedMessage {
  switch (precision) {
    case 'day':
      return { zh: '含当日', en: 'the day itself included' };
    case 'xun':
      if (beforeXunBegins) {
        return {
          zh: `按“${XUN_ZH[part]}开始前”理解,止于${dueDay}日`,
          en: `read as before ${XUN_EN[part]} begin: the ${dayOrdinal(dueDay)}`,
        };
      }
      return {
        zh: `${XUN_ZH[part]}止于${dueDay}日`,
        en: `${XUN_EN[part]} end on the ${dayOrdinal(dueDay)}`,
      };
    case 'month':
      return {
        zh: `${month}月底为${month}月${dueDay}日`,
        en: `the end of ${enMonth(month)} is the ${dayOrdinal(dueDay)}`,
      };
    case 'quarter':
      return {
        zh: `${QUARTER_ZH[part]}止于${month}月${dueDay}日`,
        en: `the ${ORDINAL_EN[part]} quarter ends on ${dueDay} ${enMonth(month)}`,
      };
    case 'halfYear':
      return part === 1
        ? { zh: '上半年止于6月30日', en: 'the first half-year ends on 30 June' }
        : { zh: '下半年止于12月31日', en: 'the second half-year ends on 31 December' };
    case 'year':
      return { zh: '年底为12月31日', en: 'the end of the year is 31 December' };
  }
}
