import { Result } from 'antd';
import type { ReactNode } from 'react';
import type { Permission } from '../auth/permissions';
import { useViewer } from '../auth/session';

export function Forbidden() {
  return <Result status="403" title="无权访问" subTitle="当前账号的角色不能查看此页面。" />;
}

/** Renders its children when the gateway grants the viewer `permission`; otherwise says it may not. */
export function Allowed({
  permission,
  children,
}: {
  readonly permission: Permission;
  readonly children: ReactNode;
}) {
  return useViewer().can[permission] ? children : <Forbidden />;
}
