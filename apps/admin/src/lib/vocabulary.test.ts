import { STATUS_INFO, UNIT_KIND_LABELS, WORK_ITEM_STATUSES } from '@qxg/disclosure-core';
import { describe, expect, it } from 'vitest';
import * as vocabulary from './vocabulary';

describe('the core’s vocabulary as the API spells it', () => {
  it('lists every status in the core’s urgency order, in upper case', () => {
    expect(vocabulary.STATUS_VALUES).toEqual(WORK_ITEM_STATUSES.map((s) => s.toUpperCase()));
    expect(vocabulary.STATUS_OPTIONS.map((o) => o.label)).toEqual(
      WORK_ITEM_STATUSES.map((s) => STATUS_INFO[s].label.zh),
    );
  });
  it('reads a status’s label, colour and class from the core', () => {
    expect(vocabulary.statusInfo('DONE_LATE')).toBe(STATUS_INFO.done_late);
    expect(vocabulary.statusLabel('WAITING_FOR_EVENT')).toBe(STATUS_INFO.waiting_for_event.label.zh);
    expect(vocabulary.isDone('MET')).toBe(true);
    expect(vocabulary.isDone('ONGOING')).toBe(false);
    expect(vocabulary.isLateStatus('STALE')).toBe(true);
    expect(vocabulary.isLateStatus('DONE_LATE')).toBe(false);
  });
  it('names unit kinds with the core’s labels', () => {
    expect(vocabulary.unitKindLabel('TOWNSHIP')).toBe(UNIT_KIND_LABELS.township);
    expect(vocabulary.UNIT_KIND_OPTIONS.map((o) => o.value)).toContain('PUBLIC_INSTITUTION');
  });
});
