import type { OutsideEvent } from '@qxg/db';
import { checkOutsideEvents } from '@qxg/disclosure-core';
import { scopeOf } from '../auth-scopes';
import { builder } from '../builder';
import { loadNodes } from '../loaders';
import { type Tx, writeAudit } from '../services/audit';
import { loadRegistry, toCoreEvents } from '../services/core-plan';
import { OutsideEventKindEnum, page } from './common';
import { fail, payloadType, refused, runMutation, UserErrors, viewerOf } from './mutation-kit';
import { OutsideEventConnection, OutsideEventRef, UnitRef } from './refs';
import { EVENT_ISSUE_CODES, inputPath, userError } from './user-errors';

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

const RecordEventInput = builder.inputType('RecordEventInput', {
  fields: (t) => ({
    kind: t.field({ type: OutsideEventKindEnum, required: true }),
    occurredOn: t.field({ type: 'Date', required: true }),
    eventKey: t.string({
      required: true,
      description: 'Idempotency key (a notice’s 文号, or the awaited event’s key from a deadline).',
    }),
    unitId: t.string({ description: 'The unit concerned (stable id), if any.' }),
    text: t.string({ required: true }),
  }),
});

const RecordEventPayload = payloadType<{ event: OutsideEvent | null }>('RecordEventPayload', (t) => ({
  event: t.field({ type: OutsideEventRef, nullable: true, resolve: (p) => p.event }),
}));

/** The core's `checkOutsideEvents` on the event about to be stored, with the unit registry. */
async function checkEvent(tx: Tx, row: Omit<OutsideEvent, 'id' | 'createdAt'>): Promise<void> {
  if (row.unitId && !(await tx.unit.findUnique({ where: { id: row.unitId } }))) {
    fail('UNKNOWN_UNIT', { zh: `找不到单位${row.unitId}`, en: `No unit ${row.unitId}` }, ['unitId']);
  }
  const [event] = toCoreEvents([{ ...row, id: '\u0000new', createdAt: new Date(0) } as OutsideEvent]);
  const issues = checkOutsideEvents(event ? [event] : [], { units: await loadRegistry(tx) });
  if (issues.length > 0) {
    const fieldOf = (path: string) => {
      const name = inputPath(path)[2] ?? '';
      return ['occurredOn', 'unitId', 'text'].includes(name)
        ? [name]
        : name === 'key'
          ? ['eventKey']
          : ['text'];
    };
    throw new UserErrors(
      issues.map((i) => userError(EVENT_ISSUE_CODES[i.code], i.message, fieldOf(i.location?.path ?? ''))),
    );
  }
}

builder.mutationField('recordEvent', (t) =>
  t.field({
    type: RecordEventPayload,
    description:
      'ADMIN: records an outside event (checked by the core’s checkOutsideEvents). Idempotent on `eventKey` when the content is the same.',
    args: { input: t.arg({ type: RecordEventInput, required: true }) },
    authScopes: scopeOf('recordEvent'),
    unauthorizedResolver: refused({ event: null }),
    resolve: (_r, { input }, ctx) =>
      runMutation(ctx, { event: null }, async (tx) => {
        const viewer = viewerOf(ctx);
        const data = {
          kind: input.kind,
          occurredOn: input.occurredOn,
          eventKey: input.eventKey,
          unitId: input.unitId ?? null,
          text: input.text,
        };
        await checkEvent(tx, data);
        const existing = await tx.outsideEvent.findUnique({ where: { eventKey: input.eventKey } });
        if (existing) {
          const same =
            existing.kind === data.kind &&
            existing.occurredOn === data.occurredOn &&
            existing.text === data.text &&
            existing.unitId === data.unitId;
          if (!same) {
            fail(
              'DUPLICATE_EVENT_KEY',
              { zh: '已有其他事件使用该标识。', en: 'Another event has this key.' },
              ['eventKey'],
            );
          }
          return { event: existing };
        }
        const event = await tx.outsideEvent.create({ data });
        await writeAudit(tx, {
          actorId: viewer.id,
          action: 'recordEvent',
          entityType: 'OutsideEvent',
          entityId: event.id,
          after: event,
        });
        return { event };
      }),
  }),
);
