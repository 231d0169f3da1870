import { assertNever } from '../_lib/core-error';
import { isIsoDate } from '../_lib/iso-date';
import type { Issue } from '../_lib/result';
import type { UnitRegistry } from '../units/create-unit-registry';
import type { EventId, OutsideEvent } from './outside-event';

/**
 * Codes of the problems {@link checkOutsideEvents} finds.
 *
 * @example
 * ```ts
 * const c: EventIssueCode = 'unknown_unit';
 * ```
 */
export type EventIssueCode =
  | 'invalid_date'
  | 'duplicate_event_id'
  | 'empty_key'
  | 'empty_text'
  | 'no_units'
  | 'unknown_unit'
  | 'invalid_participants';

/**
 * A problem in a list of outside events, with its path (`events[2].unitIds[0]`).
 *
 * @example
 * ```ts
 * const i: EventIssue = { code: 'no_units', message: { zh: '…', en: '…' }, location: { path: 'events[0].unitIds' } };
 * ```
 */
export type EventIssue = Issue<EventIssueCode>;

/**
 * Checks recorded outside events without throwing: dates, ids, texts, and (with a registry) that
 * every unit they name exists.
 *
 * @example
 * ```ts
 * checkOutsideEvents(
 *   [{ kind: 'circular', id: 'e1' as EventId, occurredOn: '2020-09-10', level: 'province', issuer: '省政府办公厅',
 *      tone: 'criticism', unitIds: [unitId('nowhere')], text: '…' }],
 *   { units: qixingguanUnits },
 * ); // [{ code: 'unknown_unit', location: { path: 'events[0].unitIds[0]' }, … }]
 * ```
 */
export function checkOutsideEvents(
  events: readonly OutsideEvent[],
  options: { readonly units?: UnitRegistry } = {},
): EventIssue[] {
  const issues: EventIssue[] = [];
  const issue = (code: EventIssueCode, zh: string, en: string, path: string): void => {
    issues.push({ code, message: { zh, en }, location: { path } });
  };
  const unitIds = options.units ? new Set<string>(options.units.units.map((u) => u.id)) : undefined;
  const checkUnit = (id: string, path: string): void => {
    if (unitIds && !unitIds.has(id))
      issue('unknown_unit', `单位“${id}”不在名录中`, `Unit "${id}" is not in the registry`, path);
  };
  const seen = new Set<EventId>();
  events.forEach((e, i) => {
    const path = `events[${i}]`;
    if (seen.has(e.id))
      issue('duplicate_event_id', `事件编号“${e.id}”重复`, `Event id "${e.id}" is used twice`, `${path}.id`);
    seen.add(e.id);
    if (!isIsoDate(e.occurredOn)) {
      issue(
        'invalid_date',
        `事件日期“${e.occurredOn}”无效`,
        `Event date "${e.occurredOn}" is not a date`,
        `${path}.occurredOn`,
      );
    }
    switch (e.kind) {
      case 'awaited':
        if (e.key.trim() === '')
          issue('empty_key', '事件缺少名称', 'The awaited event has no key', `${path}.key`);
        break;
      case 'circular':
        if (e.text.trim() === '')
          issue('empty_text', '通报缺少内容', 'The circular has no text', `${path}.text`);
        if (e.unitIds.length === 0)
          issue('no_units', '通报没有点名任何单位', 'The circular names no unit', `${path}.unitIds`);
        e.unitIds.forEach((u, j) => {
          checkUnit(u, `${path}.unitIds[${j}]`);
        });
        break;
      case 'training':
        if (e.title.trim() === '')
          issue('empty_text', '培训缺少名称', 'The training has no title', `${path}.title`);
        if (e.participants !== undefined && !(Number.isSafeInteger(e.participants) && e.participants >= 0)) {
          issue(
            'invalid_participants',
            `参训人数 ${e.participants} 无效`,
            `Participants ${e.participants} is not a non-negative integer`,
            `${path}.participants`,
          );
        }
        checkUnit(e.organizerId, `${path}.organizerId`);
        break;
      case 'experience_promoted':
        if (e.text.trim() === '')
          issue('empty_text', '推广事项缺少内容', 'The promoted experience has no text', `${path}.text`);
        checkUnit(e.unitId, `${path}.unitId`);
        break;
      default:
        assertNever(e, 'outside event');
    }
  });
  return issues;
}
