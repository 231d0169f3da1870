import { assertNever } from '../_lib/core-error';
import type { LocalizedMessage } from '../_lib/result';
import { matchEvents } from '../progress/match-events';
import type { OutsideEvent } from '../progress/outside-event';
import { clampLines, fmt, toHundredths } from './_lib/hundredths';
import { fixedText, LazyScoreLine, type LineText } from './_lib/lazy-line';
import { eagerScorer, type LeafOf, type Scorer } from './_lib/scorer';
import { eventWindow, type IndicatorContext } from './indicator-context';
import { FULL_POINTS, FULL_POINTS_TEXT } from './score-timeliness';
import type { EventsMethod, ScoreLine } from './types';

/**
 * Scores an events indicator within the scheme's period (cut at the assessment date): `deduct`
 * starts from full points and takes `each` off per matching event, floored at 0; `add` starts from
 * 0 and adds `each` per event, capped at the indicator's points. Events in date order, then id.
 *
 * @example
 * ```ts
 * // 20 points, −5 per provincial criticism, two criticisms → [20, −5, −5] = 10
 * scoreEvents(indicator, ctx).map((l) => l.points); // [20, -5, -5]
 * ```
 */
export const scoreEvents: Scorer<EventsMethod> = eagerScorer(eventLines);

/** {@link scoreEvents} with lines that write their sentence when read. @internal */
export function eventLines(indicator: LeafOf<EventsMethod>, ctx: IndicatorContext): ScoreLine[] {
  const m = indicator.method;
  const max = toHundredths(indicator.points);
  const each = toHundredths(m.each);
  const matched =
    ctx.events.length === 0
      ? []
      : matchEvents(ctx.events, { match: m.match, unitId: ctx.unitId, ...eventWindow(ctx) });
  const lines: ScoreLine[] = [];
  if (m.direction === 'deduct') {
    lines.push(new LazyScoreLine(indicator.id, max, FULL_POINTS, FULL_POINTS_TEXT, undefined));
  }
  const sign = m.direction === 'deduct' ? -1 : 1;
  if (matched.length > 0) {
    const text: EventText = { text: eventText, sign, each };
    for (const e of matched) {
      lines.push(
        new LazyScoreLine(
          indicator.id,
          sign * each,
          { kind: 'event', eventId: e.id, eventKind: e.kind },
          text,
          e,
        ),
      );
    }
  }
  if (lines.length === 0) {
    lines.push(new LazyScoreLine(indicator.id, 0, NO_EVENT, NO_EVENT_TEXT, undefined));
  }
  return clampLines(lines, 0, max);
}

const NO_EVENT = Object.freeze({ kind: 'none_due' } as const);
const NO_EVENT_TEXT = fixedText({ zh: '无相关事件', en: 'No matching event' });

interface EventText extends LineText {
  readonly sign: number;
  readonly each: number;
}

function eventText(this: LineText, ref: unknown): LocalizedMessage {
  const { sign, each } = this as EventText;
  const e = ref as OutsideEvent;
  const what = describeEvent(e);
  return {
    zh: `${e.occurredOn} ${what.zh},${sign < 0 ? '扣' : '加'}${fmt(each)}分`,
    en: `${e.occurredOn} ${what.en}, ${sign < 0 ? '−' : '+'}${fmt(each)}`,
  };
}

/** A short bilingual description of an event for score lines. @internal */
export function describeEvent(e: OutsideEvent): { zh: string; en: string } {
  switch (e.kind) {
    case 'circular': {
      const tone = e.tone === 'criticism' ? '通报批评' : '通报表扬';
      const doc = e.docNumber ? `(${e.docNumber})` : '';
      return {
        zh: `${e.issuer}${doc}${tone}:${e.text}`,
        en: `${e.issuer}${doc} ${e.tone === 'criticism' ? 'criticism' : 'commendation'}: ${e.text}`,
      };
    }
    case 'experience_promoted':
      return {
        zh: `经验做法获${LEVEL_ZH[e.level]}推广:${e.text}`,
        en: `experience promoted at ${e.level} level: ${e.text}`,
      };
    case 'training':
      return { zh: `举办培训:${e.title}`, en: `training held: ${e.title}` };
    case 'awaited':
      return { zh: `事件:${e.key}`, en: `event: ${e.key}` };
    default:
      return assertNever(e, 'outside event');
  }
}

const LEVEL_ZH = { national: '国家级', province: '省级', city: '市级', district: '区级' } as const;
