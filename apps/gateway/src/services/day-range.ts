/**
 * The days the API accepts (every `Date` argument, the downloads' `asOf`): 2000-01-01 to 2100-12-31.
 * The core estimates days past the work calendar, but far days cost more to walk to and mean nothing
 * for a yearly plan; the range keeps every request's work bounded.
 */
export const FIRST_DAY = '2000-01-01';
export const LAST_DAY = '2100-12-31';

/** The bilingual refusal of a day outside the range, or null when the day is inside. */
export function dayOutOfRange(day: string): string | null {
  if (day >= FIRST_DAY && day <= LAST_DAY) return null;
  return `日期须在${FIRST_DAY}至${LAST_DAY}之间,收到${day}。A date must lie between ${FIRST_DAY} and ${LAST_DAY}, got ${day}.`;
}
