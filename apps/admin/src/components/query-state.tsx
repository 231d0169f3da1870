import { Alert, Button, Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';

interface QueryLike<T> {
  readonly data: T | undefined;
  readonly error: Error | null;
  readonly isPending: boolean;
  readonly refetch: () => unknown;
}

interface QueryStateProps<T> {
  readonly query: QueryLike<T>;
  /** True when the loaded data has nothing to show. */
  readonly isEmpty?: (data: T) => boolean;
  readonly emptyText?: string;
  readonly children: (data: T) => ReactNode;
}

/** The loading, error and empty states every page shows the same way. */
export function QueryState<T>({ query, isEmpty, emptyText = '暂无数据', children }: QueryStateProps<T>) {
  if (query.isPending) return <Skeleton active paragraph={{ rows: 6 }} aria-busy="true" />;
  if (query.error || query.data === undefined) {
    return (
      <Alert
        type="error"
        showIcon
        title="加载失败"
        description={query.error?.message ?? '未能取得数据。'}
        action={
          <Button size="small" onClick={() => query.refetch()}>
            重试
          </Button>
        }
      />
    );
  }
  if (isEmpty?.(query.data)) return <Empty description={emptyText} />;
  return <>{children(query.data)}</>;
}
