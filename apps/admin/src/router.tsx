import { Spin } from 'antd';
import type { ComponentType } from 'react';
import { createBrowserRouter, type LoaderFunctionArgs } from 'react-router';
import type { Permission } from './auth/permissions';
import { AppLayout } from './components/app-layout';
import { initialAsOf } from './components/as-of';
import { Allowed } from './components/forbidden';
import { pageNeeds } from './components/nav';
import { choosePlan, fetchPlans, plansQueryKey, RequirePlan } from './components/plan';
import { RouteError } from './components/route-error';
import { readToken } from './graphql/client';
import { queryClient } from './query-client';

/**
 * Each page is its own chunk, loaded when its route is first visited; wrapped in the permission it
 * needs (the gateway's `me { can }`) and in the chosen plan, where it needs them.
 */
function page(
  load: () => Promise<{ default: ComponentType }>,
  { needs, plan = false }: { readonly needs?: Permission | undefined; readonly plan?: boolean } = {},
) {
  return async () => {
    const Page = (await load()).default;
    const Component = () => {
      let element = <Page />;
      if (plan) element = <RequirePlan>{element}</RequirePlan>;
      if (needs) element = <Allowed permission={needs}>{element}</Allowed>;
      return element;
    };
    return { Component };
  };
}

/** A route under `/` whose page needs the permission of its menu entry (see `components/nav.tsx`). */
function route(
  path: string,
  load: () => Promise<{ default: ComponentType }>,
  options: { plan?: boolean } = {},
) {
  return { path, lazy: page(load, { needs: pageNeeds(`/${path}`), ...options }) };
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
    lazy: page(() => import('./pages/login')),
    errorElement: <RouteError />,
    HydrateFallback: Loading,
  },
  {
    path: '/',
    Component: AppLayout,
    errorElement: <RouteError />,
    HydrateFallback: Loading,
    children: [
      { index: true, lazy: page(() => import('./pages/overview'), { plan: true }) },
      { ...route('table', () => import('./pages/table'), { plan: true }), loader: prefetchTable },
      route('items/:id', () => import('./pages/work-item')),
      route('units', () => import('./pages/units')),
      route('units/:key', () => import('./pages/unit'), { plan: true }),
      route('assessment', () => import('./pages/assessment'), { plan: true }),
      route('import', () => import('./pages/import')),
      route('events', () => import('./pages/events')),
      route('plans', () => import('./pages/plans')),
      route('calendar', () => import('./pages/calendar')),
      route('audit', () => import('./pages/audit')),
      route('users', () => import('./pages/users')),
      route('account', () => import('./pages/account')),
      { path: '*', lazy: page(() => import('./pages/not-found')) },
    ],
  },
]);
