import type DataLoader from 'dataloader';
import type { Context } from '../context';
import { type Loaders, loadNodes } from '../loaders';

/**
 * What every stored row's Relay node shares: its id is the row's id, and `node(id)` / `nodes(ids)`
 * load it through the request's batch loaders, which hold the one visibility rule (../visibility.ts).
 *
 * @example
 * builder.node(UnitRef, { description: '…', ...rowNode((l) => l.unit), fields: (t) => ({ … }) });
 */
export function rowNode<T extends { id: string }>(
  loader: (loaders: Loaders) => DataLoader<string, T | null>,
) {
  return {
    id: { resolve: (row: T) => row.id },
    loadMany: (ids: string[], ctx: Context) => loadNodes(loader(ctx.loaders), ids),
  };
}
