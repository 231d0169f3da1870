import { Space, Typography } from 'antd';
import type { ReactNode } from 'react';

/**
 * A page's frame: its title (with `extra`, such as an add button, at its right) above the page's
 * content, stacked full width.
 */
export function Page({
  title,
  extra,
  wrap = false,
  size = 'middle',
  children,
}: {
  readonly title: string;
  /** At the right of the title; given but `false` (a button the viewer may not use): the row stays. */
  readonly extra?: ReactNode;
  /** The title row wraps on a narrow screen. */
  readonly wrap?: boolean;
  readonly size?: 'middle' | 'large';
  readonly children: ReactNode;
}) {
  const heading = (
    <Typography.Title level={3} style={{ margin: 0 }}>
      {title}
    </Typography.Title>
  );
  return (
    <Space orientation="vertical" size={size} style={{ width: '100%' }}>
      {extra === undefined ? (
        heading
      ) : (
        <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap={wrap}>
          {heading}
          {extra}
        </Space>
      )}
      {children}
    </Space>
  );
}
