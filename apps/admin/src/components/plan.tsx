import { useQuery } from '@tanstack/react-query';
import { Empty, Select } from 'antd';
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { request } from '../graphql/client';
import { graphql, type ResultOf } from '../graphql/graphql';
import { QUERY_KEYS } from '../graphql/query-keys';
import { QueryState } from './query-state';

// The plans in use (withdrawn ones are left out by the gateway) and the plan this user last chose:
// the gateway remembers the choice per user (`chosenPlan` / `choosePlan`), so a new import does not
// switch anyone to it, and the choice follows the user to another browser.
const PlansQuery = graphql(`
  query Plans {
    plans(first: 50) {
      edges { node { id key title docNumber year issuer issuedOn } }
    }
    chosenPlan { key }
  }
`);

const ChoosePlanMutation = graphql(`
  mutation ChoosePlan($planId: String!) {
    choosePlan(planId: $planId) { userErrors { code } }
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

/** The plans, newest year first; the user's remembered choice is kept where {@link choosePlan} reads it. */
export async function fetchPlans(): Promise<PlanSummary[]> {
  const data = await request(PlansQuery);
  if (data.chosenPlan) localStorage.setItem(KEY, data.chosenPlan.key);
  return data.plans.edges.map((e) => e.node);
}

/** Loads the plans the viewer may see (newest year first) and holds the one the pages work on. */
export function PlanProvider({ children }: { readonly children: ReactNode }) {
  const [picked, setChosen] = useState<string | null>(null);
  const query = useQuery({
    queryKey: plansQueryKey,
    queryFn: fetchPlans,
    staleTime: 5 * 60_000,
  });
  return (
    <QueryState query={query}>
      {(plans) => (
        // Read after the plans arrived: fetchPlans stored the gateway's remembered choice.
        <PlanContextValue plans={plans} chosen={picked ?? localStorage.getItem(KEY)} setChosen={setChosen}>
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
        // Remembered by the gateway for this user; the picker has already switched.
        void request(ChoosePlanMutation, { planId: key }).catch(() => {});
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
