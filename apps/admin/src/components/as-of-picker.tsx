import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { CHINESE_DATE_FORMAT } from '../lib/dates';

/** The header's date picker; its own chunk, so the picker library is not in the first download. */
export default function AsOfPicker(props: {
  readonly asOf: string;
  readonly onChange: (day: string) => void;
}) {
  return (
    <DatePicker
      aria-label="统计日期"
      allowClear={false}
      value={dayjs(props.asOf)}
      format={CHINESE_DATE_FORMAT}
      onChange={(d) => d && props.onChange(d.format('YYYY-MM-DD'))}
      data-testid="as-of"
    />
  );
}
