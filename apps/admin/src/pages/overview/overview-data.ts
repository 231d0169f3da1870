import { graphql, type ResultOf } from '../../graphql/graphql';
import { completionRate, tallyBy } from './summarize';

export const OverviewQuery = graphql(`
  query Overview($planId: String!, $asOf: Date, $filter: WorkItemFilter) {
    progressSummary(planId: $planId, asOf: $asOf, groupBy: [UNIT, CATEGORY]) {
      key { dimension value label }
      assignments
      byStatus { status count }
    }
    workItems(
      planId: $planId
      asOf: $asOf
      filter: $filter
      orderBy: { field: DUE_ON, direction: ASC }
      first: 8
    ) {
      edges {
        node {
          id
          content
          deadlineText
          dueOn
          keyTask { number }
          status(asOf: $asOf) { status workingDaysLeft estimated }
        }
      }
    }
  }
`);

export type OverviewData = ResultOf<typeof OverviewQuery>;
export type DueItem = OverviewData['workItems']['edges'][number]['node'];

/** The whole plan's tally, and the tallies by category (plan order) and by unit (best first). */
export function summarize(data: OverviewData, own: string | null) {
  const byCategory = tallyBy(data.progressSummary, 'CATEGORY', own).sort(
    (a, b) => Number(a.key) - Number(b.key),
  );
  const byUnit = tallyBy(data.progressSummary, 'UNIT', own).sort(
    (a, b) => completionRate(b) - completionRate(a),
  );
  const all = tallyBy(data.progressSummary, 'ALL', own)[0];
  return { all, byCategory, byUnit };
}
