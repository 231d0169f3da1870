import { DatePicker, Input, InputNumber, Space } from 'antd';
import dayjs from 'dayjs';
import { CHINESE_DATE_FORMAT } from '../../lib/dates';
import type { PlanMetadata } from './parse-plan';

const TEXT_FIELDS: readonly {
  readonly key: 'title' | 'planId' | 'docNumber' | 'issuer';
  readonly label: string;
  readonly placeholder: string;
  readonly width: number;
}[] = [
  { key: 'title', label: '标题', placeholder: '方案标题', width: 320 },
  { key: 'planId', label: '方案标识', placeholder: '方案标识(英文,如 qxg-2021)', width: 200 },
  { key: 'docNumber', label: '文号', placeholder: '文号,如 七星府办通〔2021〕1号', width: 240 },
  { key: 'issuer', label: '发文机关', placeholder: '发文机关', width: 220 },
];

/** `metadata` with one field set, or removed when empty. */
export function withField(
  metadata: PlanMetadata,
  key: keyof PlanMetadata,
  value: string | number | null,
): PlanMetadata {
  const next: Record<string, unknown> = { ...metadata };
  if (value === null || value === '') delete next[key];
  else next[key] = value;
  return next as PlanMetadata;
}

/** What a table does not say about its plan: title, identifier, document number, issuer, date, year. */
export function MetadataFields({
  value,
  onChange,
}: {
  readonly value: PlanMetadata;
  readonly onChange: (key: keyof PlanMetadata, value: string | number | null) => void;
}) {
  return (
    <Space wrap>
      {TEXT_FIELDS.map((f) => (
        <Input
          key={f.key}
          aria-label={f.label}
          placeholder={f.placeholder}
          style={{ width: f.width }}
          value={value[f.key] ?? ''}
          onChange={(e) => onChange(f.key, e.target.value)}
        />
      ))}
      <DatePicker
        aria-label="成文日期"
        placeholder="成文日期"
        format={CHINESE_DATE_FORMAT}
        value={value.issuedOn ? dayjs(value.issuedOn) : null}
        onChange={(d) => onChange('issuedOn', d ? d.format('YYYY-MM-DD') : null)}
      />
      <InputNumber
        aria-label="年度"
        min={2000}
        max={2100}
        value={value.year ?? null}
        onChange={(v) => onChange('year', v)}
        placeholder="年度"
      />
    </Space>
  );
}
