// The app's navigation: one entry per page in the menu, with the permission it needs.
import {
  AuditOutlined,
  CalendarOutlined,
  DashboardOutlined,
  ImportOutlined,
  NotificationOutlined,
  ProfileOutlined,
  TableOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Permission, Viewer } from '../auth/permissions';

interface NavItem {
  readonly path: string;
  readonly label: string;
  readonly icon: React.ReactNode;
  /** Shown only to a viewer the gateway grants this permission (`me { can }`). */
  readonly needs?: Permission;
}

export const NAV: readonly NavItem[] = [
  { path: '/', label: '总览', icon: <DashboardOutlined /> },
  { path: '/table', label: '任务分解表', icon: <TableOutlined /> },
  { path: '/units', label: '单位', icon: <TeamOutlined /> },
  { path: '/assessment', label: '考核', icon: <TrophyOutlined />, needs: 'viewAssessment' },
  { path: '/import', label: '导入', icon: <ImportOutlined />, needs: 'importPlan' },
  { path: '/events', label: '事件', icon: <NotificationOutlined />, needs: 'viewAllUnits' },
  { path: '/plans', label: '方案与年度', icon: <ProfileOutlined />, needs: 'managePlans' },
  { path: '/calendar', label: '工作日历', icon: <CalendarOutlined /> },
  { path: '/audit', label: '审计日志', icon: <AuditOutlined />, needs: 'viewAudit' },
  { path: '/users', label: '用户', icon: <UserOutlined />, needs: 'manageUsers' },
];

export function navItems(viewer: Viewer): readonly NavItem[] {
  return NAV.filter((n) => n.needs === undefined || viewer.can[n.needs]);
}

export function selectedKey(pathname: string): string {
  if (pathname.startsWith('/items')) return '/table';
  const hit = NAV.filter((n) => n.path !== '/' && pathname.startsWith(n.path))[0];
  return hit?.path ?? '/';
}

/** The permission a page's route needs (`'/users'` → `manageUsers`), from the navigation above. */
export function pageNeeds(path: string): Permission | undefined {
  return NAV.find((n) => n.path === path)?.needs;
}
