import {
  BarChartOutlined,
  CalendarOutlined,
  KeyOutlined,
  LogoutOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Input, Layout, Menu, type MenuProps, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigation } from 'react-router';
import { useSession } from '../auth/session';
import { chinaToday, formatChineseDate } from '../lib/dates';
import { ROLE_LABELS } from '../lib/labels';
import { useAsOf } from './as-of';
import { navItems, selectedKey } from './nav';
import { PlanPicker, PlanProvider } from './plan';

const AsOfPicker = lazy(() => import('./as-of-picker'));
// A one-time password: nothing but this form until it is changed (the gateway refuses the rest).
const MustChangePassword = lazy(() =>
  import('../pages/login/change-password-form').then((m) => ({
    default: () => <m.ChangePasswordForm oneTime />,
  })),
);

/** The frame of every signed-in page: navigation, the header with the user and the as-of date. */
export function AppLayout() {
  const { viewer, checking, logOut } = useSession();
  const location = useLocation();
  const navigation = useNavigation();
  const { asOf, setAsOf, isToday } = useAsOf();
  // Below antd's lg breakpoint (992 px) the menu folds away behind a button; the button then sits in
  // the header's left edge (the header makes room for it) instead of over the page's plan picker.
  const [narrow, setNarrow] = useState(false);

  if (checking) return <Spin fullscreen description="正在验证登录状态…" />;
  if (viewer === null) return <Navigate to="/login" replace state={{ from: location.pathname }} />;

  const items: MenuProps['items'] = navItems(viewer).map((n) => ({
    key: n.path,
    icon: n.icon,
    label: <Link to={n.path}>{n.label}</Link>,
  }));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        className="qxg-sider"
        breakpoint="lg"
        collapsedWidth={0}
        width={200}
        theme="dark"
        onBreakpoint={setNarrow}
        zeroWidthTriggerStyle={{ top: 12 }}
      >
        <div style={{ color: '#fff', padding: '16px', fontWeight: 600, fontSize: 16, lineHeight: 1.4 }}>
          <BarChartOutlined /> 政务公开工作台账
        </div>
        <Menu theme="dark" mode="inline" selectedKeys={[selectedKey(location.pathname)]} items={items} />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: narrow ? '0 16px 0 56px' : '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 16,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Space size="middle" wrap>
            <CalendarOutlined />
            <Typography.Text>统计日期</Typography.Text>
            <Suspense
              fallback={
                <Input
                  aria-label="统计日期"
                  readOnly
                  value={formatChineseDate(asOf)}
                  style={{ width: 150 }}
                />
              }
            >
              <AsOfPicker asOf={asOf} onChange={setAsOf} />
            </Suspense>
            {!isToday && (
              <Button size="small" onClick={() => setAsOf(chinaToday())}>
                回到今天
              </Button>
            )}
          </Space>
          <Space size="middle" className="qxg-header-actions" data-testid="viewer">
            <span>
              <UserOutlined /> {viewer.username}
            </span>
            <Tag color={viewer.role === 'ADMIN' ? 'red' : viewer.role === 'ANALYST' ? 'blue' : 'green'}>
              {ROLE_LABELS[viewer.role]}
            </Tag>
            {viewer.unit && <Typography.Text type="secondary">{viewer.unit.name}</Typography.Text>}
            <Tooltip title="修改密码、查看登录会话">
              <Link to="/account">
                <Button icon={<KeyOutlined />}>账号</Button>
              </Link>
            </Tooltip>
            <Tooltip title="退出登录">
              <Button icon={<LogoutOutlined />} onClick={() => void logOut()}>
                退出
              </Button>
            </Tooltip>
          </Space>
        </Layout.Header>
        <Layout.Content className="qxg-content" style={{ margin: 24 }}>
          {navigation.state === 'loading' && <Spin size="small" style={{ float: 'right' }} />}
          {viewer.mustChangePassword ? (
            <div data-testid="password-gate">
              <Suspense fallback={<Spin />}>
                <MustChangePassword />
              </Suspense>
            </div>
          ) : (
            <PlanProvider>
              <div className="qxg-no-print" style={{ marginBottom: 12 }}>
                <PlanPicker />
              </div>
              <Suspense fallback={<Spin />}>
                <Outlet />
              </Suspense>
            </PlanProvider>
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
