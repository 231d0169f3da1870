import { Spin } from 'antd';
import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './components/app-layout';
import { RouteError } from './components/route-error';

/** Each page is its own chunk, loaded when its route is first visited. */
function page(load: () => Promise<{ default: ComponentType }>) {
  return async () => ({ Component: (await load()).default });
}

/** Shown while the first route's chunk loads. */
function Loading() {
  return <Spin fullscreen description="加载中…" />;
}

export const router = createBrowserRouter([
  {
    path: '/login',
    lazy: page(() => import('./pages/login-page')),
    errorElement: <RouteError />,
    HydrateFallback: Loading,
  },
  {
    path: '/',
    Component: AppLayout,
    errorElement: <RouteError />,
    HydrateFallback: Loading,
    children: [
      { index: true, lazy: page(() => import('./pages/overview-page')) },
      { path: 'table', lazy: page(() => import('./pages/table-page')) },
      { path: 'items/:id', lazy: page(() => import('./pages/work-item-page')) },
      { path: 'units', lazy: page(() => import('./pages/units-page')) },
      { path: 'units/:key', lazy: page(() => import('./pages/unit-page')) },
      { path: 'assessment', lazy: page(() => import('./pages/assessment-page')) },
      { path: 'import', lazy: page(() => import('./pages/import-page')) },
      { path: 'events', lazy: page(() => import('./pages/events-page')) },
      { path: 'audit', lazy: page(() => import('./pages/audit-page')) },
      { path: 'users', lazy: page(() => import('./pages/users-page')) },
      { path: '*', lazy: page(() => import('./pages/not-found-page')) },
    ],
  },
]);
