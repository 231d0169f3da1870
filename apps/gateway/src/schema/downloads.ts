import { builder } from '../builder';
import { writeAudit } from '../services/audit';
import { refreshStatusSnapshotsIn } from '../services/status-snapshots';
import { asOfArg } from './common';
import { payloadType, refused, runMutation, viewerOf } from './mutation-kit';
import { PlanRef } from './refs';

const TableFormat = builder.enumType('TableFormat', { values: ['XLSX', 'CSV'] as const });

builder.objectField(PlanRef, 'decompositionTableUrl', (t) =>
  t.string({
    description:
      'Where to download the decomposition table (任务分解表) with each item’s status as of `asOf` (GET, same bearer token for unpublished plans).',
    args: { format: t.arg({ type: TableFormat, required: true }), asOf: t.arg({ type: 'Date' }) },
    resolve: (p, args, ctx) =>
      `/download/plans/${encodeURIComponent(p.id)}/decomposition.${args.format.toLowerCase()}?asOf=${asOfArg(args.asOf, ctx.today)}`,
  }),
);

const RefreshInput = builder.inputType('RefreshStatusSnapshotsInput', {
  fields: (t) => ({ asOf: t.field({ type: 'Date', description: 'Default today in China.' }) }),
});

const RefreshPayload = payloadType<{ rows: number | null }>('RefreshStatusSnapshotsPayload', (t) => ({
  rows: t.int({ nullable: true, resolve: (p) => p.rows }),
}));

builder.mutationField('refreshStatusSnapshots', (t) =>
  t.field({
    type: RefreshPayload,
    description:
      'ADMIN: recomputes every assignment’s status as of a day into `status_snapshots` (what the SQL views read). Today’s rows are also refreshed by `qxg serve` at start, right after every write that changes a status, and at 00:00 China time.',
    args: { input: t.arg({ type: RefreshInput, required: true }) },
    authScopes: { admin: true },
    unauthorizedResolver: refused({ rows: null }),
    resolve: (_r, { input }, ctx) =>
      runMutation(ctx, { rows: null }, async (tx) => {
        const viewer = viewerOf(ctx);
        const asOf = asOfArg(input.asOf, ctx.today);
        const rows = await refreshStatusSnapshotsIn(tx, asOf);
        await writeAudit(tx, {
          actorId: viewer.id,
          action: 'refreshStatusSnapshots',
          entityType: 'StatusSnapshot',
          entityId: asOf,
          after: { rows },
        });
        return { rows };
      }),
  }),
);
