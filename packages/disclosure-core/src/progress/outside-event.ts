import { assertNever } from '../_lib/core-error';
import type { IsoDate } from '../_lib/iso-date';
import type { RecordedEvent } from '../deadlines/types';
import type { WorkItemId } from '../plan/types';
import type { UnitId } from '../units/unit';

/**
 * An outside event's stable id, given by whoever records events.
 *
 * @example
 * ```ts
 * const id = 'e-2020-08-15-platform' as EventId;
 * ```
 */
export type EventId = string & { readonly __brand: 'EventId' };

/**
 * The level of government that issued a circular or promoted a unit's experience.
 *
 * @example
 * ```ts
 * const l: GovernmentLevel = 'province';
 * ```
 */
export type GovernmentLevel = 'national' | 'province' | 'city' | 'district';

interface EventBase {
  readonly id: EventId;
  /** The day it happened (Asia/Shanghai). */
  readonly occurredOn: IsoDate;
  readonly note?: string;
}

/**
 * Something a deadline waits for happened: a provincial platform went live, a system was built
 * (待…上线运行后). `key` equals the `event.key` of the `afterEvent` (or relative) deadlines it starts.
 *
 * @example
 * ```ts
 * const e: AwaitedEventOccurred = {
 *   kind: 'awaited', id: 'e1' as EventId, occurredOn: '2020-09-01',
 *   key: '贵州省惠民政策项目资金信息公开平台上线运行',
 * };
 * ```
 */
export interface AwaitedEventOccurred extends EventBase {
  readonly kind: 'awaited';
  readonly key: string;
}

/**
 * A 通报 (circular) by a higher level naming units, as commendation (表扬) or criticism (批评), with
 * its text. The seed's 保障措施 (三) puts the provincial circulars into the 2020 assessment.
 *
 * @example
 * ```ts
 * const e: CircularEvent = {
 *   kind: 'circular', id: 'e2' as EventId, occurredOn: '2020-09-10', level: 'province',
 *   issuer: '贵州省人民政府办公厅', docNumber: '黔府办函〔2020〕99号', tone: 'criticism',
 *   unitIds: [unitId('520502101')], text: '梨树镇政务公开专栏长期未更新',
 * };
 * ```
 */
export interface CircularEvent extends EventBase {
  readonly kind: 'circular';
  readonly level: GovernmentLevel;
  readonly issuer: string;
  readonly docNumber?: string;
  readonly tone: 'commendation' | 'criticism';
  /** The units the circular names. */
  readonly unitIds: readonly UnitId[];
  /** What it says about them, as written. */
  readonly text: string;
  /** The work item it concerns, when it names one. */
  readonly workItemId?: WorkItemId;
}

/**
 * A training session held (政务公开专题培训 / 业务培训), counted for recurring duties such as
 * 每年至少1—2次.
 *
 * @example
 * ```ts
 * const e: TrainingEvent = {
 *   kind: 'training', id: 'e3' as EventId, occurredOn: '2020-07-08',
 *   organizerId: unitId('gov-office'), title: '2020年全区政务公开专题培训', participants: 120,
 * };
 * ```
 */
export interface TrainingEvent extends EventBase {
  readonly kind: 'training';
  readonly organizerId: UnitId;
  readonly title: string;
  readonly participants?: number;
}

/**
 * A unit's experience promoted by a higher level (经验做法被上级推广), e.g. in a provincial bulletin.
 *
 * @example
 * ```ts
 * const e: ExperiencePromotedEvent = {
 *   kind: 'experience_promoted', id: 'e4' as EventId, occurredOn: '2020-11-02', level: 'city',
 *   unitId: unitId('government-services'), text: '“好差评”制度经验在全市推广',
 * };
 * ```
 */
export interface ExperiencePromotedEvent extends EventBase {
  readonly kind: 'experience_promoted';
  readonly level: GovernmentLevel;
  readonly unitId: UnitId;
  readonly text: string;
}

/**
 * A dated event an office records: an awaited event (platform live), a circular, a training
 * session, a promoted experience. Events start deadlines and feed statuses and scores.
 *
 * @example
 * ```ts
 * function label(e: OutsideEvent): string {
 *   switch (e.kind) {
 *     case 'awaited': return e.key;
 *     case 'circular': return e.text;
 *     case 'training': return e.title;
 *     case 'experience_promoted': return e.text;
 *     default: return assertNever(e);
 *   }
 * }
 * ```
 */
export type OutsideEvent = AwaitedEventOccurred | CircularEvent | TrainingEvent | ExperiencePromotedEvent;

/**
 * The kinds of {@link OutsideEvent}.
 *
 * @example
 * ```ts
 * const k: OutsideEventKind = 'circular';
 * ```
 */
export type OutsideEventKind = OutsideEvent['kind'];

/**
 * The awaited events, as the deadline code reads them ({@link RecordedEvent}): what starts the clock
 * of `afterEvent` and event-triggered `relative` deadlines.
 *
 * @example
 * ```ts
 * toRecordedEvents([{ kind: 'awaited', id: 'e1' as EventId, occurredOn: '2020-09-01', key: 'K' }]);
 * // [{ key: 'K', occurredOn: '2020-09-01' }]
 * ```
 */
export function toRecordedEvents(events: readonly OutsideEvent[]): RecordedEvent[] {
  const out: RecordedEvent[] = [];
  for (const e of events) {
    if (e.kind === 'awaited')
      out.push({ key: e.key, occurredOn: e.occurredOn, ...(e.note ? { note: e.note } : {}) });
  }
  return out;
}

/**
 * The units an event concerns: the units a circular names, the organizer of a training, the unit
 * whose experience was promoted; none for an awaited event (it concerns every duty waiting for it).
 *
 * @example
 * ```ts
 * eventUnits({ kind: 'training', id: 'e3' as EventId, occurredOn: '2020-07-08', organizerId: unitId('gov-office'), title: '培训' });
 * // ['gov-office']
 * ```
 */
export function eventUnits(event: OutsideEvent): readonly UnitId[] {
  switch (event.kind) {
    case 'awaited':
      return [];
    case 'circular':
      return event.unitIds;
    case 'training':
      return [event.organizerId];
    case 'experience_promoted':
      return [event.unitId];
    default:
      return assertNever(event, 'outside event');
  }
}
