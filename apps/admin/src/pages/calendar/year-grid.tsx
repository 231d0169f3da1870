import { Card, Space, Typography, theme } from 'antd';
import type { CSSProperties } from 'react';
import { type CalendarDayInfo, dayLabel } from './calendar-data';

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

type Token = ReturnType<typeof theme.useToken>['token'];

/** The colours of the legend and the cells (antd's palette): working days plain, the exceptions marked. */
function cellStyles(token: Token): Record<string, CSSProperties> {
  return {
    WORKDAY: { background: token.colorBgContainer, color: token.colorText },
    WEEKEND: { background: token.colorFillTertiary, color: token.colorTextQuaternary },
    HOLIDAY: { background: token.red2, color: token.red9, fontWeight: 600 },
    MAKEUP_WORKDAY: { background: token.green2, color: token.green9, fontWeight: 600 },
    LOCAL_HOLIDAY: { background: token.purple2, color: token.purple9, fontWeight: 600 },
    LOCAL_WORKDAY: { background: token.blue2, color: token.blue9, fontWeight: 600 },
  };
}

function cellKind(d: CalendarDayInfo): string {
  if (d.source === 'LOCAL') return d.isWorkingDay ? 'LOCAL_WORKDAY' : 'LOCAL_HOLIDAY';
  return d.kind;
}

/** The short mark inside a cell (休 / 班 / 地). */
function mark(d: CalendarDayInfo): string {
  if (d.source === 'LOCAL') return d.isWorkingDay ? '地班' : '地休';
  if (d.kind === 'HOLIDAY') return '休';
  if (d.kind === 'MAKEUP_WORKDAY') return '班';
  return '';
}

export const LEGEND: readonly { readonly kind: string; readonly label: string }[] = [
  { kind: 'WORKDAY', label: '工作日' },
  { kind: 'WEEKEND', label: '周末' },
  { kind: 'HOLIDAY', label: '放假' },
  { kind: 'MAKEUP_WORKDAY', label: '调休上班' },
  { kind: 'LOCAL_HOLIDAY', label: '地方休息日' },
  { kind: 'LOCAL_WORKDAY', label: '地方工作日' },
];

export function Legend() {
  const { token } = theme.useToken();
  const CELL = cellStyles(token);
  return (
    <Space wrap size="small">
      {LEGEND.map((l) => (
        <span
          key={l.kind}
          style={{ ...CELL[l.kind], padding: '2px 8px', border: '1px solid #f0f0f0', borderRadius: 4 }}
        >
          {l.label}
        </span>
      ))}
      <span style={{ padding: '2px 8px', border: `1px dashed ${token.colorWarning}`, borderRadius: 4 }}>
        虚线框:按周末估算
      </span>
    </Space>
  );
}

function Month({ month, days }: { readonly month: number; readonly days: readonly CalendarDayInfo[] }) {
  // Monday first: the offset of the 1st in a week that starts on Monday.
  const lead = ((days[0]?.weekday ?? 1) + 6) % 7;
  const working = days.filter((d) => d.isWorkingDay).length;
  const { token } = theme.useToken();
  const CELL = cellStyles(token);
  return (
    <Card
      size="small"
      title={`${month}月`}
      extra={<Typography.Text type="secondary">{working} 个工作日</Typography.Text>}
    >
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(7, 1fr)',
          gap: 2,
          fontSize: 12,
          textAlign: 'center',
        }}
      >
        {WEEKDAYS.map((w) => (
          <div key={w} style={{ color: 'rgba(0,0,0,0.45)' }}>
            {w}
          </div>
        ))}
        {Array.from({ length: lead }, (_, i) => (
          <div key={`lead-${days[0]?.date ?? ''}-${i}`} />
        ))}
        {days.map((d) => (
          <div
            key={d.date}
            title={`${d.date} ${dayLabel(d)}`}
            data-date={d.date}
            data-kind={cellKind(d)}
            data-estimated={d.estimated ? 'true' : 'false'}
            style={{
              ...CELL[cellKind(d)],
              border: d.estimated
                ? `1px dashed ${token.colorWarning}`
                : `1px solid ${token.colorBorderSecondary}`,
              borderRadius: 3,
              padding: '2px 0',
              lineHeight: 1.2,
            }}
          >
            <div>{Number(d.date.slice(8))}</div>
            <div style={{ fontSize: 10, minHeight: 12 }}>{mark(d)}</div>
          </div>
        ))}
      </div>
    </Card>
  );
}

/** A year as twelve month grids, working days plain and every exception marked. */
export function YearGrid({ days }: { readonly days: readonly CalendarDayInfo[] }) {
  const months = Array.from({ length: 12 }, (_, m) =>
    days.filter((d) => Number(d.date.slice(5, 7)) === m + 1),
  );
  return (
    <div
      data-testid="year-grid"
      style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(250px, 1fr))', gap: 12 }}
    >
      {months.map((list, m) => (
        <Month key={list[0]?.date ?? m} month={m + 1} days={list} />
      ))}
    </div>
  );
}
