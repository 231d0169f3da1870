import { Spin } from 'antd';
import type { ComponentType } from 'react';
import { createBrowserRouter, type LoaderFunctionArgs } from 'react-router';
import { AppLayout } from './components/app-layout';
import { initialAsOf } from './components/as-of';
import { choosePlan, fetchPlans, plansQueryKey } from './components/plan';
import { RouteError } from './components/route-error';
import { readToken } from './graphql/client';
import { queryClient } from './query-client';

/** Each page is its own chunk, loaded when its route is first visited. */
function page(load: () => Promise<{ default: ComponentType }>) {
  return async () => ({ Component: (await load()).default });
}

/**
 * Starts the decomposition table's queries at navigation, alongside the page's chunk and the session
 * check, instead of after the page has rendered. Does not wait: the page picks up the queries.
 */
function prefetchTable({ request }: LoaderFunctionArgs): null {
  if (!readToken()) return null;
  const params = new URL(request.url).searchParams;
  void (async () => {
    const plan = choosePlan(
      await queryClient.ensureQueryData({ queryKey: plansQueryKey, queryFn: fetchPlans }),
    );
    if (!plan) return;
    const [{ filterFromParams, responsibleQuery, tableQuery }] = [await import('./pages/table/table-data')];
    // A reporter's filter is known only after `me`; its page then asks for its own unit's rows.
    const filter = filterFromParams(params, null);
    // The rows first; the responsible units (most of the payload) only once the rows are in.
    await queryClient.prefetchQuery(tableQuery(plan.key, initialAsOf(), filter));
    void queryClient.prefetchQuery(responsibleQuery(plan.key, initialAsOf(), filter));
  })().catch(() => {});
  return null;
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
      { path: 'table', lazy: page(() => import('./pages/table-page')), loader: prefetchTable },
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
