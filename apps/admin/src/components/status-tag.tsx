import { Tag } from 'antd';
import { type StatusValue, statusInfo } from '../lib/vocabulary';

/**
 * A status badge: the core's label and colour (the same colour as the status's chart slice); the
 * explanation, when given, is the tooltip.
 */
export function StatusTag({
  status,
  title,
}: {
  readonly status: StatusValue;
  readonly title?: string | undefined;
}) {
  const info = statusInfo(status);
  return (
    <Tag color={info.color} variant="outlined" title={title ?? info.meaning.zh} data-status={status}>
      {info.label.zh}
    </Tag>
  );
}
