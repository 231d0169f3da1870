import { assertNever } from '../_lib/core-error';
import { matchEvents } from '../progress/match-events';
import type { OutsideEvent } from '../progress/outside-event';
import { clampLines, fmt, line, toHundredths } from './_lib/hundredths';
import { eventWindow, type IndicatorContext } from './indicator-context';
import type { EventsMethod, IndicatorLeaf, ScoreLine } from './types';

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
export function scoreEvents(
  indicator: IndicatorLeaf & { readonly method: EventsMethod },
  ctx: IndicatorContext,
): ScoreLine[] {
  const m = indicator.method;
  const max = toHundredths(indicator.points);
  const each = toHundredths(m.each);
  const matched = matchEvents(ctx.events, { match: m.match, unitId: ctx.unitId, ...eventWindow(ctx) });
  const lines: ScoreLine[] = [];
  if (m.direction === 'deduct') {
    lines.push(
      line(
        indicator.id,
        max,
        { kind: 'full_points' },
        { zh: `基础分${fmt(max)}分`, en: `Starting from ${fmt(max)} points` },
      ),
    );
  }
  const sign = m.direction === 'deduct' ? -1 : 1;
  for (const e of matched) {
    const what = describeEvent(e);
    lines.push(
      line(
        indicator.id,
        sign * each,
        { kind: 'event', eventId: e.id, eventKind: e.kind },
        {
          zh: `${e.occurredOn} ${what.zh},${sign < 0 ? '扣' : '加'}${fmt(each)}分`,
          en: `${e.occurredOn} ${what.en}, ${sign < 0 ? '−' : '+'}${fmt(each)}`,
        },
      ),
    );
  }
  if (lines.length === 0) {
    lines.push(line(indicator.id, 0, { kind: 'none_due' }, { zh: '无相关事件', en: 'No matching event' }));
  }
  return clampLines(lines, 0, max);
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
