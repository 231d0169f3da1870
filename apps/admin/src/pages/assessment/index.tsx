import { useQuery } from '@tanstack/react-query';
import { Select, Tabs } from 'antd';
import { useState } from 'react';
import { Page } from '../../components/page';
import { usePlan } from '../../components/plan';
import { QueryState } from '../../components/query-state';
import { request } from '../../graphql/client';
import { QUERY_KEYS } from '../../graphql/query-keys';
import { SchemesQuery } from './assessment-data';
import { ManualScores } from './manual-scores';
import { Ranking } from './ranking';
import { SchemeEditor } from './scheme-editor';

export default function AssessmentPage() {
  const plan = usePlan();
  const schemes = useQuery({
    queryKey: [...QUERY_KEYS.schemes, plan.key],
    queryFn: async () => (await request(SchemesQuery, { planId: plan.key })).plan?.assessmentSchemes ?? [],
  });
  const [schemeId, setSchemeId] = useState<string | null>(null);
  return (
    <Page title="考核" size="large">
      <QueryState query={schemes} isEmpty={(s) => s.length === 0} emptyText="本方案尚未设置考核方案">
        {(list) => {
          const scheme = list.find((s) => s.id === schemeId) ?? list[0];
          if (!scheme) return null;
          return (
            <>
              {list.length > 1 && (
                <Select
                  aria-label="考核方案"
                  value={scheme.id}
                  onChange={setSchemeId}
                  style={{ minWidth: 260 }}
                  options={list.map((s) => ({ value: s.id, label: s.name }))}
                />
              )}
              <Tabs
                items={[
                  {
                    key: 'ranking',
                    label: '排名与等次',
                    children: <Ranking schemeId={scheme.id} schemeName={scheme.name} />,
                  },
                  {
                    key: 'scheme',
                    label: '考核方案',
                    children: (
                      <SchemeEditor schemeId={scheme.id} name={scheme.name} definition={scheme.definition} />
                    ),
                  },
                  {
                    key: 'manual',
                    label: '人工评分',
                    children: <ManualScores schemeId={scheme.id} />,
                  },
                ]}
              />
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
