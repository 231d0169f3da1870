import { DatePicker, Input, Select, Tag } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { UNIT_SEARCH, type UnitOption, unitSelectOptions } from '../../graphql/unit-options';
import { CHINESE_DATE_FORMAT } from '../../lib/dates';
import { STATUS_OPTIONS, UNIT_KIND_OPTIONS } from '../../lib/vocabulary';

const list = (params: URLSearchParams, key: string) => params.getAll(key).filter((v) => v !== '');

/** The page's URL holds the filter: each control reads and writes one search parameter. */
function useParam() {
  const [params, setParams] = useSearchParams();
  const set = (key: string, values: readonly string[] | string | null) => {
    const next = new URLSearchParams(params);
    next.delete(key);
    for (const v of typeof values === 'string' ? [values] : (values ?? [])) if (v) next.append(key, v);
    setParams(next, { replace: true });
  };
  return { params, setParams, set };
}

interface MultiFilterProps {
  readonly label: string;
  readonly param: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly minWidth: number;
  readonly loading?: boolean;
  readonly searchable?: boolean;
}

function MultiFilter({
  label,
  param,
  options,
  minWidth,
  loading = false,
  searchable = false,
}: MultiFilterProps) {
  const { params, set } = useParam();
  return (
    <Select
      aria-label={label}
      mode="multiple"
      placeholder={label}
      allowClear
      {...(searchable ? { showSearch: UNIT_SEARCH } : {})}
      style={{ minWidth }}
      loading={loading}
      value={list(params, param)}
      onChange={(v: string[]) => set(param, v)}
      options={[...options]}
    />
  );
}

function DueRange() {
  const { params, setParams } = useParam();
  const from = params.get('from');
  const to = params.get('to');
  return (
    <DatePicker.RangePicker
      aria-label="截止日期范围"
      placeholder={['截止日期自', '至']}
      format={CHINESE_DATE_FORMAT}
      value={from && to ? [dayjs(from), dayjs(to)] : null}
      onChange={(v) => {
        const next = new URLSearchParams(params);
        next.delete('from');
        next.delete('to');
        if (v?.[0] && v[1]) {
          next.set('from', v[0].format('YYYY-MM-DD'));
          next.set('to', v[1].format('YYYY-MM-DD'));
        }
        setParams(next, { replace: true });
      }}
    />
  );
}

export interface FilterBarProps {
  /** A reporter's own unit name: the unit filters give way to a tag saying so. */
  readonly ownUnitName: string | null;
  readonly units: { readonly data: readonly UnitOption[] | undefined; readonly isPending: boolean };
  readonly categories: readonly { readonly id: string; readonly title: string }[] | undefined;
}

/** Search, unit, unit kind, category, status and due-date filters, kept in the page's URL (inside a `Space`). */
export function FilterBar({ ownUnitName, units, categories }: FilterBarProps) {
  const { params, set } = useParam();
  return (
    <>
      <Input.Search
        aria-label="搜索"
        placeholder="搜索工作任务、单位、时限"
        allowClear
        defaultValue={params.get('q') ?? ''}
        onSearch={(v) => set('q', v)}
        style={{ width: 240 }}
      />
      {ownUnitName !== null ? (
        <Tag color="green">仅显示本单位:{ownUnitName}</Tag>
      ) : (
        <>
          <MultiFilter
            label="单位"
            param="unit"
            minWidth={200}
            searchable
            loading={units.isPending}
            options={unitSelectOptions(units.data)}
          />
          <MultiFilter label="单位类型" param="kind" minWidth={160} options={UNIT_KIND_OPTIONS} />
        </>
      )}
      <MultiFilter
        label="类别"
        param="category"
        minWidth={200}
        options={(categories ?? []).map((c) => ({ value: c.id, label: c.title }))}
      />
      <MultiFilter label="状态" param="status" minWidth={160} options={STATUS_OPTIONS} />
      <DueRange />
    </>
  );
}
