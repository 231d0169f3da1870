/** The admin dashboard: plan → categories → key tasks → work items → assignments with units and statuses. */
export const DASHBOARD = /* GraphQL */ `
  query Dashboard($planId: String!, $asOf: Date) {
    plan(id: $planId) {
      id
      key
      docNumber
      categories {
        number
        title
        keyTasks(first: 100) {
          edges {
            node {
              number
              title
              workItems(first: 100) {
                edges {
                  node {
                    id
                    content
                    deadlineText
                    deadlineKind
                    dueOn
                    status(asOf: $asOf) { status dueOn isOverdue workingDaysLeft explanation { zh en } }
                    assignments(first: 100) {
                      edges {
                        node {
                          id
                          role
                          version
                          unit { key name kind }
                          status(asOf: $asOf) { status isOverdue }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`;
