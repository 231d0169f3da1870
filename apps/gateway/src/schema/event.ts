import { createHash } from 'node:crypto';
import type { OutsideEvent, WorkItem } from '@qxg/db';
import { checkOutsideEvents } from '@qxg/disclosure-core';
import { builder } from '../builder';
import { type Tx, writeAudit } from '../services/audit';
import { type AwaitedEventRow, awaitedEventsOf } from '../services/awaited-events';
import { loadRegistry, toCoreEvents } from '../services/core-plan';
import { inputMutation } from './admin-mutation';
import { OutsideEventKindEnum, page } from './common';
import { decodeGlobalId, fail, payloadType, UserErrors } from './mutation-kit';
import { OutsideEventConnection, OutsideEventRef, PlanRef, UnitRef, WorkItemRef } from './refs';
import { rowNode } from './row-node';
import { EVENT_ISSUE_CODES, inputPath, userError } from './user-errors';

builder.node(OutsideEventRef, {
  description:
    'Something outside the plan that deadlines or assessments count: an awaited platform going live, a 通报表扬 …',
  ...rowNode((l) => l.event),
  fields: (t) => ({
    kind: t.field({ type: OutsideEventKindEnum, resolve: (e) => e.kind }),
    occurredOn: t.exposeString('occurredOn'),
    eventKey: t.exposeString('eventKey', {
      description:
        'Idempotency key; for an awaited event, the `key` of a plan’s `awaitedEvents` (the deadline that waits for it).',
    }),
    text: t.exposeString('text'),
    unit: t.field({
      type: UnitRef,
      nullable: true,
      resolve: (e, _a, ctx) => (e.unitId ? ctx.loaders.unit.load(e.unitId) : null),
    }),
    docNumber: t.string({ nullable: true, description: 'The notice’s 文号.', resolve: (e) => e.docNumber }),
    noticeTitle: t.string({
      nullable: true,
      description: 'The notice’s title.',
      resolve: (e) => e.noticeTitle,
    }),
    issuer: t.string({ nullable: true, description: 'Who issued the notice.', resolve: (e) => e.issuer }),
    publishedOn: t.string({
      nullable: true,
      description: 'The day the notice was published (YYYY-MM-DD).',
      resolve: (e) => e.publishedOn,
    }),
    updatedAt: t.field({ type: 'DateTime', resolve: (e) => e.updatedAt }),
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

const AwaitedEventRef = builder.objectRef<AwaitedEventRow>('AwaitedEvent').implement({
  description:
    'An event a plan’s deadlines wait for (待…平台上线运行后, 自收到申请之日起…): record it with `recordEvent` and this `key` to start them.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The `eventKey` to record it with.' }),
    phrase: t.exposeString('phrase', { description: 'The event as the plan words it.' }),
    deadlineTexts: t.exposeStringList('deadlineTexts', {
      description: 'The 完成时限 phrases that wait for it.',
    }),
    startsDeadlines: t.exposeBoolean('startsDeadlines', {
      description:
        'True when a work item’s 完成时限 itself waits for it (recording it starts that deadline).',
    }),
    workItems: t.field({
      type: [WorkItemRef],
      description: 'The work items that wait for it.',
      resolve: (e) => [...e.workItems] as WorkItem[],
    }),
    recorded: t.field({
      type: OutsideEventRef,
      nullable: true,
      description: 'The event recorded with this key, once it is.',
      resolve: async (e, _a, ctx) =>
        (await ctx.loaders.allEvents.load('all')).find((x) => x.eventKey === e.key) ?? null,
    }),
  }),
});

builder.objectField(PlanRef, 'awaitedEvents', (t) =>
  t.field({
    type: [AwaitedEventRef],
    description:
      'The events the plan’s work items wait for, each with the items waiting (the 事件 form picks from them).',
    resolve: (p, _a, ctx) => awaitedEventsOf(ctx.prisma, p.id),
  }),
);

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** The notice fields of an event's inputs. */
const noticeFields = (t: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>) => ({
  docNumber: t.string({ description: 'The notice’s 文号 (also the default key of a 通报).' }),
  noticeTitle: t.string({ description: 'The notice’s title.' }),
  issuer: t.string({ description: 'Who issued the notice.' }),
  publishedOn: t.field({ type: 'Date', description: 'The day the notice was published.' }),
});

const RecordEventInput = builder.inputType('RecordEventInput', {
  fields: (t) => ({
    kind: t.field({ type: OutsideEventKindEnum, required: true }),
    occurredOn: t.field({ type: 'Date', required: true }),
    eventKey: t.string({
      description:
        'Idempotency key: for an awaited event the `key` of one of the plan’s `awaitedEvents`; otherwise the 文号 when left out (or one made of the content).',
    }),
    unitId: t.string({ description: 'The unit concerned (stable id), if any.' }),
    text: t.string({ required: true }),
    ...noticeFields(t),
  }),
});

const UpdateEventInput = builder.inputType('UpdateEventInput', {
  description: 'What to change; a field left out keeps its value, a null clears an optional one.',
  fields: (t) => ({
    id: t.id({ required: true }),
    kind: t.field({ type: OutsideEventKindEnum }),
    occurredOn: t.field({ type: 'Date' }),
    eventKey: t.string(),
    unitId: t.string(),
    text: t.string(),
    ...noticeFields(t),
  }),
});

const DeleteEventInput = builder.inputType('DeleteEventInput', {
  fields: (t) => ({ id: t.id({ required: true }) }),
});

const EventPayload = payloadType<{ event: OutsideEvent | null }>('RecordEventPayload', (t) => ({
  event: t.field({ type: OutsideEventRef, nullable: true, resolve: (p) => p.event }),
}));

const DeleteEventPayload = payloadType<{ deletedId: string | null }>('DeleteEventPayload', (t) => ({
  deletedId: t.id({ nullable: true, resolve: (p) => p.deletedId }),
}));

type EventRow = Omit<OutsideEvent, 'id' | 'createdAt' | 'updatedAt'>;

/** The core's `checkOutsideEvents` on the event about to be stored, with the unit registry. */
async function checkEvent(tx: Tx, row: EventRow): Promise<void> {
  if (row.unitId && !(await tx.unit.findUnique({ where: { id: row.unitId } }))) {
    fail('UNKNOWN_UNIT', { zh: `找不到单位${row.unitId}`, en: `No unit ${row.unitId}` }, ['unitId']);
  }
  const [event] = toCoreEvents([
    { ...row, id: '\u0000new', createdAt: new Date(0), updatedAt: new Date(0) } as OutsideEvent,
  ]);
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

/** An event's optional text: trimmed, '' as none. */
const optional = (s: string | null | undefined): string | null => (s?.trim() ? s.trim() : null);

/** The key of an event recorded without one: its 文号, else a digest of what it says. */
function defaultKey(row: Omit<EventRow, 'eventKey'>): string {
  if (row.docNumber) return row.docNumber;
  const digest = createHash('sha256')
    .update(JSON.stringify([row.kind, row.occurredOn, row.unitId, row.text]))
    .digest('hex');
  return `auto:${digest.slice(0, 16)}`;
}

/** Refuses a key another event already has. */
async function assertKeyFree(tx: Tx, key: string, self: string | null): Promise<void> {
  const other = await tx.outsideEvent.findUnique({ where: { eventKey: key } });
  if (other && other.id !== self) {
    fail('DUPLICATE_EVENT_KEY', { zh: '已有其他事件使用该标识。', en: 'Another event has this key.' }, [
      'eventKey',
    ]);
  }
}

const sameEvent = (a: EventRow, b: EventRow) =>
  (Object.keys(a) as (keyof EventRow)[]).every((k) => a[k] === b[k]);

async function eventToChange(tx: Tx, id: string): Promise<OutsideEvent> {
  const before = await tx.outsideEvent.findUnique({ where: { id: decodeGlobalId(id, 'OutsideEvent') } });
  if (!before) fail('UNKNOWN_EVENT', { zh: '找不到该事件。', en: 'No such event.' }, ['id']);
  return before;
}

builder.mutationFields((t) => ({
  recordEvent: inputMutation(t, {
    type: EventPayload,
    input: RecordEventInput,
    permission: 'recordEvent',
    description:
      'ADMIN: records an outside event (checked by the core’s checkOutsideEvents). Idempotent on `eventKey` when the content is the same.',
    empty: { event: null },
    run: async (tx, input, viewer) => {
      const content = {
        kind: input.kind,
        occurredOn: input.occurredOn,
        unitId: input.unitId ?? null,
        text: input.text,
        docNumber: optional(input.docNumber),
        noticeTitle: optional(input.noticeTitle),
        issuer: optional(input.issuer),
        publishedOn: input.publishedOn ?? null,
      };
      const data: EventRow = { ...content, eventKey: optional(input.eventKey) ?? defaultKey(content) };
      await checkEvent(tx, data);
      const existing = await tx.outsideEvent.findUnique({ where: { eventKey: data.eventKey } });
      if (existing) {
        const { id: _i, createdAt: _c, updatedAt: _u, ...stored } = existing;
        if (!sameEvent(stored, data)) await assertKeyFree(tx, data.eventKey, null);
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
    },
  }),
  updateEvent: inputMutation(t, {
    type: EventPayload,
    input: UpdateEventInput,
    permission: 'recordEvent',
    description:
      'ADMIN: changes an outside event (fields left out keep their values), checked like `recordEvent`; audited. Statuses and scores follow.',
    empty: { event: null },
    run: async (tx, input, viewer) => {
      const before = await eventToChange(tx, String(input.id));
      const keep = <K extends keyof EventRow>(k: K, v: EventRow[K] | null | undefined): EventRow[K] =>
        v === undefined ? before[k] : (v as EventRow[K]);
      const data: EventRow = {
        kind: input.kind ?? before.kind,
        occurredOn: input.occurredOn ?? before.occurredOn,
        eventKey: optional(input.eventKey) ?? before.eventKey,
        unitId: keep('unitId', input.unitId),
        text: input.text ?? before.text,
        docNumber: input.docNumber === undefined ? before.docNumber : optional(input.docNumber),
        noticeTitle: input.noticeTitle === undefined ? before.noticeTitle : optional(input.noticeTitle),
        issuer: input.issuer === undefined ? before.issuer : optional(input.issuer),
        publishedOn: keep('publishedOn', input.publishedOn),
      };
      await checkEvent(tx, data);
      await assertKeyFree(tx, data.eventKey, before.id);
      const event = await tx.outsideEvent.update({ where: { id: before.id }, data });
      await writeAudit(tx, {
        actorId: viewer.id,
        action: 'updateEvent',
        entityType: 'OutsideEvent',
        entityId: event.id,
        before,
        after: event,
      });
      return { event };
    },
  }),
  deleteEvent: inputMutation(t, {
    type: DeleteEventPayload,
    input: DeleteEventInput,
    permission: 'recordEvent',
    description:
      'ADMIN: deletes an outside event, audited (the entry keeps it); deadlines waiting for it wait again and scores drop it.',
    empty: { deletedId: null },
    run: async (tx, input, viewer) => {
      const before = await eventToChange(tx, String(input.id));
      await tx.outsideEvent.delete({ where: { id: before.id } });
      await writeAudit(tx, {
        actorId: viewer.id,
        action: 'deleteEvent',
        entityType: 'OutsideEvent',
        entityId: before.id,
        before,
      });
      return { deletedId: String(input.id) };
    },
  }),
}));
