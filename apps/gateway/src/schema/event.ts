import { builder } from '../builder';
import { loadNodes } from '../loaders';
import { OutsideEventKindEnum, page } from './common';
import { OutsideEventConnection, OutsideEventRef, UnitRef } from './refs';

builder.node(OutsideEventRef, {
  description:
    'Something outside the plan that deadlines or assessments count: an awaited platform going live, a 通报表扬 …',
  id: { resolve: (e) => e.id },
  loadMany: (ids, ctx) => loadNodes(ctx.loaders.event, ids),
  fields: (t) => ({
    kind: t.field({ type: OutsideEventKindEnum, resolve: (e) => e.kind }),
    occurredOn: t.exposeString('occurredOn'),
    eventKey: t.exposeString('eventKey', {
      description:
        'Idempotency key; for an awaited event, the `event.key` of the deadline that waits for it.',
    }),
    text: t.exposeString('text'),
    unit: t.field({
      type: UnitRef,
      nullable: true,
      resolve: (e, _a, ctx) => (e.unitId ? ctx.loaders.unit.load(e.unitId) : null),
    }),
  }),
});

builder.queryField('outsideEvents', (t) =>
  t.connection(
    {
      type: OutsideEventRef,
      resolve: async (_r, args, ctx) => page(args, await ctx.loaders.allEvents.load('all')),
    },
    OutsideEventConnection,
  ),
);
