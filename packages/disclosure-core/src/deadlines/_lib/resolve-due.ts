/**
 * Turns a deadline and the recorded events into a due day number, with the words that say how.
 * @internal
 */
import { assertNever } from '../../_lib/core-error';
import type { LocalizedMessage } from '../../_lib/result';
import { parseIsoDayNumber, toDayNumber } from '../../calendar/_lib/day-number';
import type {
  AfterEventDeadline,
  ByDeadline,
  DayCount,
  Deadline,
  RecordedEvent,
  RelativeDeadline,
} from '../types';
import type { CalendarOps } from './calendar-ops';
import { enCount, enDate, zhDate } from './format';

export interface ResolvedDue {
  /** Due day number; NaN while waiting for an event; null when open-ended. */
  readonly due: number | null;
  readonly how: LocalizedMessage;
}

/** Earliest recorded occurrence of an event (ignoring records after `until`), or NaN. */
export function eventDay(events: readonly RecordedEvent[] | undefined, key: string, until: number): number {
  let best = Number.NaN;
  if (events === undefined) return best;
  for (const e of events) {
    if (e.key !== key) continue;
    const dn = toDayNumber(e.occurredOn, `occurredOn of event ${key}`);
    if (dn <= until && !(dn >= best)) best = dn;
  }
  return best;
}

function yearNote(d: ByDeadline): LocalizedMessage {
  switch (d.yearSource) {
    case 'stated':
      return { zh: '', en: '' };
    case 'planYear':
      return { zh: ',未写年份取方案年度', en: '; no year written, so the plan year' };
    case 'nextYear':
      return { zh: ',次年即方案年度的下一年', en: '; 次年 is the year after the plan year' };
    case 'issueYear':
      return { zh: ',今年即印发日期所在年份', en: '; 今年 is the year of the issue date' };
    default:
      return assertNever(d.yearSource, 'year source');
  }
}

function unitWords(c: DayCount): LocalizedMessage {
  return c.unit === 'workingDays'
    ? { zh: `${c.amount}个工作日`, en: enCount(c.amount, 'working day') }
    : { zh: `${c.amount}日`, en: enCount(c.amount, 'calendar day') };
}

export function resolveBy(d: ByDeadline): ResolvedDue {
  const due = parseIsoDayNumber(d.dueOn);
  const y = yearNote(d);
  return {
    due,
    how: {
      zh: `“${d.phrase}”→${zhDate(due)}(${d.reading.zh}${y.zh})`,
      en: `"${d.phrase}" → ${enDate(due)} (${d.reading.en}${y.en})`,
    },
  };
}

export function resolveAfterEvent(
  d: AfterEventDeadline,
  events: readonly RecordedEvent[] | undefined,
  until: number,
  ops: CalendarOps,
): ResolvedDue {
  const occurred = eventDay(events, d.event.key, until);
  const g = unitWords(d.grace);
  if (Number.isNaN(occurred)) {
    return {
      due: Number.NaN,
      how: {
        zh: `等待“${d.event.description}”,尚无发生记录(发生后${g.zh}内完成)`,
        en: `waiting for "${d.event.description}", not yet recorded (due ${g.en} after it)`,
      },
    };
  }
  const due = ops.add(occurred, d.grace.amount, d.grace.unit);
  return {
    due,
    how: {
      zh: `“${d.event.description}”于${zhDate(occurred)}发生,其后${g.zh}为${zhDate(due)}`,
      en: `"${d.event.description}" happened on ${enDate(occurred)}; ${g.en} later is ${enDate(due)}`,
    },
  };
}

export function resolveRelative(
  d: RelativeDeadline,
  events: readonly RecordedEvent[] | undefined,
  until: number,
  ops: CalendarOps,
): ResolvedDue {
  const w = unitWords(d.within);
  const trigger = d.trigger;
  const start =
    trigger.kind === 'date' ? parseIsoDayNumber(trigger.date) : eventDay(events, trigger.key, until);
  const name = trigger.kind === 'date' ? zhDate(start) : `“${trigger.description}”`;
  const nameEn = trigger.kind === 'date' ? enDate(start) : `"${trigger.description}"`;
  if (Number.isNaN(start)) {
    return {
      due: Number.NaN,
      how: {
        zh: `等待${name},尚无发生记录(其后${w.zh}内完成)`,
        en: `waiting for ${nameEn}, not yet recorded (due ${w.en} after it)`,
      },
    };
  }
  const due = ops.add(start, d.within.amount, d.within.unit);
  return {
    due,
    how: {
      zh: `自${name}(${zhDate(start)})起${w.zh}为${zhDate(due)}`,
      en: `${w.en} from ${nameEn} (${enDate(start)}) is ${enDate(due)}`,
    },
  };
}

/** The final due day of any deadline (latest step of milestones); null when open-ended, NaN while waiting. */
export function resolveFinal(
  d: Deadline,
  events: readonly RecordedEvent[] | undefined,
  until: number,
  ops: CalendarOps,
): number | null {
  switch (d.kind) {
    case 'by':
      return parseIsoDayNumber(d.dueOn);
    case 'afterEvent':
      return resolveAfterEvent(d, events, until, ops).due;
    case 'relative':
      return resolveRelative(d, events, until, ops).due;
    case 'milestones': {
      let last = Number.NEGATIVE_INFINITY;
      for (const step of d.steps) {
        const due = resolveFinal(step.deadline, events, until, ops);
        if (due === null || Number.isNaN(due)) return Number.NaN;
        if (due > last) last = due;
      }
      return last;
    }
    case 'ongoing':
    case 'recurring':
      return null;
    default:
      return assertNever(d, 'deadline');
  }
}
