import type { IsoDate } from '../_lib/iso-date';
import type { UnitId } from '../units/unit';
import { eventUnits, type GovernmentLevel, type OutsideEvent, type OutsideEventKind } from './outside-event';

/**
 * Which events count, as JSON-serialisable data (assessment schemes use it): a kind, and for
 * circulars a tone, for circulars and promotions the issuing levels.
 *
 * @example
 * ```ts
 * const criticism: EventMatch = { kind: 'circular', tone: 'criticism', levels: ['province', 'city'] };
 * ```
 */
export interface EventMatch {
  readonly kind: OutsideEventKind;
  /** Circulars only: commendation (表扬) or criticism (批评). Both when absent. */
  readonly tone?: 'commendation' | 'criticism';
  /** Circulars and promotions: the issuing levels that count. All when absent. */
  readonly levels?: readonly GovernmentLevel[];
}

/**
 * Options of {@link matchEvents}: the match, the unit concerned, and an inclusive date window.
 *
 * @example
 * ```ts
 * const o: MatchEventsOptions = { match: { kind: 'training' }, unitId: unitId('gov-office'), from: '2020-01-01', to: '2020-12-31' };
 * ```
 */
export interface MatchEventsOptions {
  readonly match: EventMatch;
  /** Only events concerning this unit (named, organizer, promoted). Every event when absent. */
  readonly unitId?: UnitId;
  readonly from?: IsoDate;
  readonly to?: IsoDate;
}

/**
 * True when an event fits a match (kind, tone, level); dates and units are not looked at.
 *
 * @example
 * ```ts
 * eventMatches(circular, { kind: 'circular', tone: 'criticism' }); // true for a criticism
 * ```
 */
export function eventMatches(event: OutsideEvent, match: EventMatch): boolean {
  if (event.kind !== match.kind) return false;
  if (match.tone !== undefined && (event.kind !== 'circular' || event.tone !== match.tone)) return false;
  if (match.levels !== undefined) {
    if (event.kind !== 'circular' && event.kind !== 'experience_promoted') return false;
    if (!match.levels.includes(event.level)) return false;
  }
  return true;
}

/**
 * The events that fit a match, concern a unit and fall in a window (inclusive), by date then id.
 * Counting them is how recurring duties are measured (training sessions held: 每年至少1—2次).
 *
 * @example
 * ```ts
 * matchEvents(events, { match: { kind: 'training' }, unitId: unitId('gov-office'), from: '2020-01-01', to: '2020-12-31' }).length; // 2
 * ```
 */
export function matchEvents(events: readonly OutsideEvent[], options: MatchEventsOptions): OutsideEvent[] {
  const out: OutsideEvent[] = [];
  for (const e of events) {
    if (!eventMatches(e, options.match)) continue;
    if (options.from !== undefined && e.occurredOn < options.from) continue;
    if (options.to !== undefined && e.occurredOn > options.to) continue;
    if (options.unitId !== undefined && !eventUnits(e).includes(options.unitId)) continue;
    out.push(e);
  }
  return out.sort(compareEvents);
}

/** Date, then id: a total order, so results never depend on input order. @internal */
export function compareEvents(a: OutsideEvent, b: OutsideEvent): number {
  if (a.occurredOn !== b.occurredOn) return a.occurredOn < b.occurredOn ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
