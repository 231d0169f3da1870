import { Skeleton } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { ChartOption } from './echarts-setup';

/**
 * An ECharts chart. ECharts is loaded on first use (its own chunk), so pages without charts and
 * the first paint of pages with charts do not wait for it.
 */
export function Chart({
  option,
  height = 320,
  label,
}: {
  readonly option: ChartOption;
  readonly height?: number;
  readonly label: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let disposed = false;
    let dispose: (() => void) | undefined;
    void import('./echarts-setup').then(({ mountChart }) => {
      if (disposed || !ref.current) return;
      dispose = mountChart(ref.current, option);
      setReady(true);
    });
    return () => {
      disposed = true;
      dispose?.();
    };
  }, [option]);
  return (
    <div role="img" aria-label={label} style={{ position: 'relative', height }}>
      {!ready && <Skeleton.Node active style={{ width: '100%', height }} />}
      <div ref={ref} style={{ position: 'absolute', inset: 0 }} />
    </div>
  );
}
