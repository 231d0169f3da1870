import { STATUS_INFO, UNIT_KIND_LABELS, WORK_ITEM_STATUSES } from '@qxg/disclosure-core';
import { describe, expect, it } from 'vitest';
import {
  isDone,
  isLateStatus,
  STATUS_OPTIONS,
  STATUS_VALUES,
  statusInfo,
  statusLabel,
  UNIT_KIND_OPTIONS,
  unitKindLabel,
} from './vocabulary';

describe('the core’s vocabulary as the API spells it', () => {
  it('lists every status in the core’s urgency order, in upper case', () => {
    expect(STATUS_VALUES).toEqual(WORK_ITEM_STATUSES.map((s) => s.toUpperCase()));
    expect(STATUS_OPTIONS.map((o) => o.label)).toEqual(
      WORK_ITEM_STATUSES.map((s) => STATUS_INFO[s].label.zh),
    );
  });
  it('reads a status’s label, colour and class from the core', () => {
    expect(statusInfo('DONE_LATE')).toBe(STATUS_INFO.done_late);
    expect(statusLabel('WAITING_FOR_EVENT')).toBe(STATUS_INFO.waiting_for_event.label.zh);
    expect(isDone('MET')).toBe(true);
    expect(isDone('ONGOING')).toBe(false);
    expect(isLateStatus('STALE')).toBe(true);
    expect(isLateStatus('DONE_LATE')).toBe(false);
  });
  it('names unit kinds with the core’s labels', () => {
    expect(unitKindLabel('TOWNSHIP')).toBe(UNIT_KIND_LABELS.township);
    expect(UNIT_KIND_OPTIONS.map((o) => o.value)).toContain('PUBLIC_INSTITUTION');
  });
});
