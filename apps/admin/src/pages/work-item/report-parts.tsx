import { LinkOutlined } from '@ant-design/icons';
import { Space } from 'antd';
import { formatChineseDate } from '../../lib/dates';
import { PROGRESS_STATE_LABELS } from '../../lib/labels';
import type { Report } from './work-item-data';

/** A report's evidence: the public addresses, with their site column and publishing day. */
export function EvidenceLinks({ report }: { readonly report: Report }) {
  if (report.evidence.length === 0) return null;
  return (
    <Space wrap size={4}>
      {report.evidence.map((e) => (
        <a key={e.id} href={e.url} target="_blank" rel="noreferrer">
          <LinkOutlined /> {e.siteColumn ?? e.url}
          {e.publishedOn && `(${formatChineseDate(e.publishedOn)})`}
        </a>
      ))}
    </Space>
  );
}

/** A report's state and percent: 部分完成 50%. */
export function reportStateText(report: Report): string {
  return `${PROGRESS_STATE_LABELS[report.state]}${report.percent !== null ? ` ${report.percent}%` : ''}`;
}
