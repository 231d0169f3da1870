import { useQuery } from '@tanstack/react-query';
import { Empty, Select } from 'antd';
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { request } from '../graphql/client';
import { graphql, type ResultOf } from '../graphql/graphql';
import { QUERY_KEYS } from '../graphql/query-keys';
import { QueryState } from './query-state';

const PlansQuery = graphql(`
  query Plans {
    plans(first: 50) {
      edges { node { id key title docNumber year issuer issuedOn } }
    }
  }
`);

export type PlanSummary = ResultOf<typeof PlansQuery>['plans']['edges'][number]['node'];

interface PlanValue {
  readonly plan: PlanSummary | null;
  readonly plans: readonly PlanSummary[];
  readonly choose: (key: string) => void;
}

const PlanContext = createContext<PlanValue | null>(null);
const KEY = 'qxg.plan';

export const plansQueryKey = QUERY_KEYS.plans;

/** The stored choice when it still exists, else the newest plan. */
export function choosePlan(plans: readonly PlanSummary[], chosen: string | null = localStorage.getItem(KEY)) {
  return plans.find((p) => p.key === chosen) ?? plans[0] ?? null;
}

export async function fetchPlans(): Promise<PlanSummary[]> {
  return (await request(PlansQuery)).plans.edges.map((e) => e.node);
}

/** Loads the plans the viewer may see (newest year first) and holds the one the pages work on. */
export function PlanProvider({ children }: { readonly children: ReactNode }) {
  const [chosen, setChosen] = useState(() => localStorage.getItem(KEY));
  const query = useQuery({
    queryKey: plansQueryKey,
    queryFn: fetchPlans,
    staleTime: 5 * 60_000,
  });
  return (
    <QueryState query={query}>
      {(plans) => (
        <PlanContextValue plans={plans} chosen={chosen} setChosen={setChosen}>
          {children}
        </PlanContextValue>
      )}
    </QueryState>
  );
}

function PlanContextValue(props: {
  readonly plans: readonly PlanSummary[];
  readonly chosen: string | null;
  readonly setChosen: (key: string) => void;
  readonly children: ReactNode;
}) {
  const { plans, chosen, setChosen, children } = props;
  const value = useMemo<PlanValue>(() => {
    const plan = choosePlan(plans, chosen);
    return {
      plan,
      plans,
      choose: (key) => {
        localStorage.setItem(KEY, key);
        setChosen(key);
      },
    };
  }, [plans, chosen, setChosen]);
  return <PlanContext.Provider value={value}>{children}</PlanContext.Provider>;
}

function usePlanContext(): PlanValue {
  const value = useContext(PlanContext);
  if (value === null) throw new Error('usePlan outside PlanProvider');
  return value;
}

/** The plan the pages work on; only inside {@link RequirePlan}. */
export function usePlan(): PlanSummary {
  const { plan } = usePlanContext();
  if (plan === null) throw new Error('usePlan outside RequirePlan');
  return plan;
}

/** Renders its children only when a plan exists; otherwise says how to get one. */
export function RequirePlan({ children }: { readonly children: ReactNode }) {
  const { plan } = usePlanContext();
  if (plan === null) {
    return <Empty description="尚未导入任何实施方案。请管理员在“导入”页导入方案。" />;
  }
  return <>{children}</>;
}

/** Chooses among several plans; shows nothing when there is only one. */
export function PlanPicker() {
  const { plan, plans, choose } = usePlanContext();
  if (plan === null || plans.length < 2) return null;
  return (
    <Select
      aria-label="实施方案"
      value={plan.key}
      onChange={choose}
      style={{ minWidth: 260 }}
      options={plans.map((p) => ({ value: p.key, label: `${p.year}年 ${p.docNumber}` }))}
    />
  );
}
