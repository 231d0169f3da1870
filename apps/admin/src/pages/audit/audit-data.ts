import { request } from '../../graphql/client';
import { graphql, type ResultOf } from '../../graphql/graphql';
import { QUERY_KEYS } from '../../graphql/query-keys';

export const AuditQuery = graphql(`
  query AuditLog($after: String, $action: String, $actorId: ID, $unitId: String, $from: String, $to: String) {
    auditLog(first: 100, after: $after, action: $action, actorId: $actorId, unitId: $unitId, from: $from, to: $to) {
      edges {
        node {
          id at action actionLabel { zh } entityTypeLabel { zh } entityName
          changes { field label { zh } before after }
          actor { id username }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const AuditFiltersQuery = graphql(`
  query AuditFilters {
    auditVocabulary { actions { key zh } }
    users(first: 100) { edges { node { id username } } }
  }
`);

export type AuditEntry = ResultOf<typeof AuditQuery>['auditLog']['edges'][number]['node'];

/** The audit log's filters, as the API takes them. */
export interface AuditFilters {
  readonly action: string | null;
  readonly actorId: string | null;
  readonly unitId: string | null;
  readonly from: string | null;
  readonly to: string | null;
}

export const NO_FILTERS: AuditFilters = { action: null, actorId: null, unitId: null, from: null, to: null };

/** One page of the log, newest first. */
export function auditPageQuery(filters: AuditFilters, after: string | null) {
  return {
    queryKey: [...QUERY_KEYS.audit, filters, after],
    queryFn: async () => (await request(AuditQuery, { ...filters, after })).auditLog,
  };
}

/** The action labels (the gateway's one vocabulary) and the people, for the filters. */
export const auditFiltersQuery = {
  queryKey: [...QUERY_KEYS.audit, 'filters'],
  queryFn: async () => request(AuditFiltersQuery),
  staleTime: 10 * 60_000,
};

/** A change as one line: 名称:区水务局 → 区水务管理局. */
export function changeText(c: AuditEntry['changes'][number]): string {
  if (c.before === null) return `${c.label.zh}:${c.after ?? '—'}`;
  return `${c.label.zh}:${c.before} → ${c.after ?? '—'}`;
}

/** Every entry the filters select (at most `maxPages` pages of 100), for the export. */
export async function allEntries(filters: AuditFilters, maxPages = 50): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  let after: string | null = null;
  for (let i = 0; i < maxPages; i++) {
    const page: Awaited<ReturnType<ReturnType<typeof auditPageQuery>['queryFn']>> = await auditPageQuery(
      filters,
      after,
    ).queryFn();
    out.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
    after = page.pageInfo.endCursor;
  }
  return out;
}
