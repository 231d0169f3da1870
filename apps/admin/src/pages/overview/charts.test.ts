import { STATUS_INFO } from '@qxg/disclosure-core';
import { describe, expect, it } from 'vitest';
import { statusChartOption } from './charts';

interface Slice {
  readonly name: string;
  readonly value: number;
  readonly itemStyle: { readonly color: string };
}

describe('the status chart', () => {
  const option = statusChartOption({ DONE_ON_TIME: 3, OVERDUE: 2, DUE_SOON: 1, STALE: 0 });
  const series = (Array.isArray(option.series) ? option.series : [option.series])[0] as { data: Slice[] };

  it('colours each slice as the status tag: the core’s colour of the status', () => {
    expect(series.data.map((d) => [d.name, d.value, d.itemStyle.color])).toEqual([
      [STATUS_INFO.overdue.label.zh, 2, STATUS_INFO.overdue.color],
      [STATUS_INFO.due_soon.label.zh, 1, STATUS_INFO.due_soon.color],
      [STATUS_INFO.done_on_time.label.zh, 3, STATUS_INFO.done_on_time.color],
    ]);
  });

  it('has a legend naming every slice with its count, most urgent first', () => {
    const legend = option.legend as { data: string[]; formatter: (name: string) => string };
    expect(legend.data).toEqual(series.data.map((d) => d.name));
    expect(legend.formatter(STATUS_INFO.overdue.label.zh)).toBe(`${STATUS_INFO.overdue.label.zh} 2`);
  });
});
