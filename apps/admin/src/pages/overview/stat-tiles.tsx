import { Card, Col, Row, Statistic } from 'antd';
import { type StatusValue, statusInfo, statusLabel } from '../../lib/vocabulary';
import { percent } from './charts';
import { completionRate, countOf, type Tally } from './summarize';

/** The status counts the office watches, each in its status's colour. */
const WATCHED: readonly (readonly StatusValue[])[] = [
  ['OVERDUE', 'BEHIND'],
  ['DUE_SOON'],
  ['WAITING_FOR_EVENT'],
  ['STALE'],
];

interface TileProps {
  readonly title: string;
  readonly value: number;
  readonly suffix?: string;
  readonly color?: string;
}

function Tile({ title, value, suffix, color }: TileProps) {
  return (
    <Col xs={12} md={8} lg={4}>
      <Card>
        <Statistic
          title={title}
          value={value}
          {...(suffix ? { suffix } : {})}
          {...(color ? { styles: { content: { color } } } : {})}
        />
      </Card>
    </Col>
  );
}

/** The overview's figures: assignments, completion rate, and the watched statuses. */
export function StatTiles({ all }: { readonly all: Tally | undefined }) {
  return (
    <Row gutter={[16, 16]}>
      <Tile title="任务分工" value={all?.assignments ?? 0} suffix="项" />
      <Tile title="完成率" value={percent(all ? completionRate(all) : 0)} suffix="%" />
      {WATCHED.map((statuses) => (
        <Tile
          key={statuses.join()}
          title={statuses.map(statusLabel).join('、')}
          value={countOf(all?.counts, statuses)}
          color={statusInfo(statuses[0] ?? 'NOT_DUE').color}
        />
      ))}
    </Row>
  );
}
