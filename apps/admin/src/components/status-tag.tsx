import { Tag } from 'antd';
import { STATUS_LABELS, type StatusValue } from '../lib/labels';

/** A status badge: colour and Chinese label; the explanation, when given, is the tooltip. */
export function StatusTag({
  status,
  title,
}: {
  readonly status: string;
  readonly title?: string | undefined;
}) {
  const s = STATUS_LABELS[status as StatusValue];
  return (
    <Tag color={s?.color ?? 'default'} title={title} data-status={status}>
      {s?.label ?? status}
    </Tag>
  );
}
