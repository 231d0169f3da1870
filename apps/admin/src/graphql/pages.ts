/** A Relay connection page, as every list of the gateway returns it. */
export interface ConnectionPage<T> {
  readonly edges: readonly { readonly node: T }[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
}

/**
 * Reads every page of a connection (the gateway caps `first` at 100): calls `fetchPage` with the
 * previous page's end cursor until there is no next page.
 */
export async function readAllPages<T>(
  fetchPage: (after: string | null) => Promise<ConnectionPage<T>>,
  maxPages = 100,
): Promise<T[]> {
  const nodes: T[] = [];
  let after: string | null = null;
  for (let i = 0; i < maxPages; i++) {
    const page: ConnectionPage<T> = await fetchPage(after);
    for (const edge of page.edges) nodes.push(edge.node);
    if (!page.pageInfo.hasNextPage || page.pageInfo.endCursor === null) break;
    after = page.pageInfo.endCursor;
  }
  return nodes;
}
