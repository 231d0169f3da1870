import type { ChartOption } from '../../components/echarts-setup';
import { STATUS_VALUES, statusInfo } from '../../lib/vocabulary';
import { completionRate, type StatusCounts, type Tally } from './summarize';

export const percent = (r: number) => Math.round(r * 1000) / 10;

/** Completion rate by category: bars in the core's colour for done. */
export function categoryChartOption(byCategory: readonly Tally[]): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 160, right: 24, top: 16, bottom: 24 },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: byCategory.map((c) => c.label), inverse: true },
    series: [
      {
        type: 'bar',
        name: '完成率',
        data: byCategory.map((c) => percent(completionRate(c))),
        itemStyle: { color: statusInfo('DONE_ON_TIME').color },
      },
    ],
  };
}

/**
 * Assignments by status: one slice a status, most urgent first, each in its status's colour (the
 * colour of its tag), with a legend of labels and counts. Statuses of one traffic light share its
 * colour; the white borders keep their slices apart.
 */
export function statusChartOption(counts: StatusCounts): ChartOption {
  const present = STATUS_VALUES.filter((s) => (counts[s] ?? 0) > 0);
  const data = present.map((s) => {
    const info = statusInfo(s);
    return { name: info.label.zh, value: counts[s] ?? 0, itemStyle: { color: info.color } };
  });
  const countOf = new Map(data.map((d) => [d.name, d.value]));
  return {
    tooltip: { trigger: 'item', formatter: '{b}:{c} 项({d}%)' },
    legend: {
      orient: 'vertical',
      left: 0,
      top: 'middle',
      data: data.map((d) => d.name),
      formatter: (name: string) => `${name} ${countOf.get(name) ?? 0}`,
    },
    series: [
      {
        type: 'pie',
        radius: ['40%', '70%'],
        left: 140,
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        label: { formatter: '{b}\n{c}' },
        data,
      },
    ],
  };
}
