// Test support: how tests compare lists of issues (a check's findings) — one `code@path` string each.

/** The shape every issue of the core has: a code and, usually, where it is. */
export interface LocatedIssue {
  readonly code: string;
  readonly location?: { readonly path?: string };
}

/**
 * Each issue as `code@path` (`@undefined` when it has no path), in the issues' order.
 *
 * @example
 * issuePaths(checkReports(reports)); // ['percent_missing@reports[0].percent', …]
 */
export function issuePaths(issues: readonly LocatedIssue[]): string[] {
  return issues.map((i) => `${i.code}@${i.location?.path}`);
}
