import { graphql, type ResultOf } from '../../graphql/graphql';
import { UserErrorFields } from '../../graphql/user-errors';

export const WorkItemQuery = graphql(`
  query WorkItem($id: ID!, $asOf: Date) {
    node(id: $id) {
      ... on WorkItem {
        id
        order
        content
        deadlineText
        deadlineKind
        dueOn
        status(asOf: $asOf) { status dueOn isOverdue workingDaysLeft estimated explanation { zh } }
        keyTask { id number title category { id title } plan { id key title docNumber } }
        assignments(first: 100) {
          edges {
            node {
              id
              role
              version
              expandedFrom
              viewerCan { recordProgress }
              unit { id key name }
              status(asOf: $asOf) { status dueOn workingDaysLeft explanation { zh } }
              reports(first: 100, includeSuperseded: true) {
                edges {
                  node {
                    id
                    reportedOn
                    state
                    percent
                    note
                    createdAt
                    createdBy { username }
                    supersedes { id }
                    supersededBy { id }
                    evidence { id url siteColumn publishedOn }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`);

export const RecordProgressMutation = graphql(
  `
  mutation RecordProgress($input: RecordProgressInput!) {
    recordProgress(input: $input) {
      report { id }
      assignment { id version }
      userErrors { ...UserErrorFields }
    }
  }
`,
  [UserErrorFields],
);

export type Item = Extract<NonNullable<ResultOf<typeof WorkItemQuery>['node']>, { content: string }>;
export type Assignment = Item['assignments']['edges'][number]['node'];
export type Report = Assignment['reports']['edges'][number]['node'];

/** An assignment's reports that no correction has replaced, oldest first. */
export function inForce(a: Assignment): Report[] {
  return a.reports.edges.map((e) => e.node).filter((r) => r.supersededBy === null);
}
