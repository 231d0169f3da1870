/** Calendar days are ISO strings `YYYY-MM-DD` throughout (a China calendar day, not an instant). */
export type IsoDay = string;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Writes an ISO day the way a Chinese government document does: `2020-07-20` → `2020年7月20日`.
 * Anything else (null, an instant, free text) is returned as `—` or unchanged.
 */
export function formatChineseDate(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const m = ISO_DAY.exec(value.slice(0, 10));
  if (!m) return value;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** An instant (ISO 8601) as a China-time date and minute: `2020年7月20日 14:05`. */
export function formatChineseDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const china = new Date(d.getTime() + 8 * 3_600_000).toISOString();
  return `${formatChineseDate(china.slice(0, 10))} ${china.slice(11, 16)}`;
}

/** Today in China (UTC+8, no daylight saving) as `YYYY-MM-DD`, whatever the browser's time zone. */
export function chinaToday(now: Date = new Date()): IsoDay {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The dayjs/antd DatePicker display format matching {@link formatChineseDate}. */
export const CHINESE_DATE_FORMAT = 'YYYY年M月D日';
