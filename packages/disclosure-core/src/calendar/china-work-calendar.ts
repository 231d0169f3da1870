import { createWorkCalendar } from './create-work-calendar';

/**
 * The default work calendar: mainland China's State Council holiday arrangements for 2020–2026
 * (放假 days, 调休 make-up workdays, ordinary weekends), each year citing its gov.cn notice. 2020
 * includes the Spring Festival extension (国办发明电〔2020〕1号), so 2020-01-31 to 2020-02-02 are
 * holidays. Build a variant with {@link createWorkCalendar} for local additions.
 *
 * @example
 * ```ts
 * chinaWorkCalendar.isWorkingDay('2020-01-19'); // true: Sunday, 调休 for 春节
 * chinaWorkCalendar.isWorkingDay('2020-02-01'); // false: the extended Spring Festival
 * chinaWorkCalendar.dayInfo('2020-10-08').kind; // 'holiday'
 * ```
 */
export const chinaWorkCalendar = /* @__PURE__ */ createWorkCalendar();
