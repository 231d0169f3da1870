// Issue 13, events: the plan's awaited events to pick from, notice fields, edit and delete (audited),
// statuses following.
import { type Plan, qixingguan2020 } from '@qxg/disclosure-core';
import { writePlanCsv } from '@qxg/plan-io';
import { describe, expect, it } from 'vitest';
import { gid, type Json, TEST_ENGINES, useGateway } from './harness';
import { expectAdminOnly } from './refusals';

const AWAITED = /* GraphQL */ `
  query($p: String!) {
    plan(id: $p) { awaitedEvents { key phrase deadlineTexts startsDeadlines workItems { id content } recorded { id } } }
  }
`;
const LIVE = '贵州省惠民政策项目资金信息公开平台上线运行';

/** The seed plan with one item whose 完成时限 waits for the platform (a plan imported as CSV). */
const waitingPlan: Plan = {
  ...qixingguan2020,
  categories: qixingguan2020.categories.map((c) => ({
    ...c,
    keyTasks: c.keyTasks.map((t) => ({
      ...t,
      workItems: t.workItems.map((i) =>
        i.id === 'qixingguan-2020/t11/i1' ? { ...i, deadlineText: `待${LIVE}后20个工作日内` } : i,
      ),
    })),
  })),
};
const RECORD = /* GraphQL */ `
  mutation($i: RecordEventInput!) {
    recordEvent(input: $i) {
      event { id eventKey kind occurredOn text docNumber noticeTitle issuer publishedOn unit { key } }
      userErrors { code field }
    }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation($i: UpdateEventInput!) {
    updateEvent(input: $i) {
      event { id eventKey kind occurredOn text docNumber noticeTitle issuer publishedOn unit { key } }
      userErrors { code field }
    }
  }
`;
const DELETE = /* GraphQL */ `
  mutation($i: DeleteEventInput!) { deleteEvent(input: $i) { deletedId userErrors { code field } } }
`;
const STATUS = /* GraphQL */ `
  query($id: ID!) { node(id: $id) { ... on WorkItem { status(asOf: "2020-12-31") { status } } } }
`;

type Role = 'ADMIN' | 'REPORTER' | 'ANALYST' | null;

for (const engine of TEST_ENGINES) {
  describe.skipIf(engine.skipReason !== null)(`events administration on ${engine.engine}`, () => {
    const gw = useGateway(engine);
    const token = (role: Role) =>
      role === null
        ? Promise.resolve(null)
        : gw.tokenFor(role, role === 'REPORTER' ? '520502001' : undefined);
    const awaited = async (planId = 'events-2020') =>
      (await gw.gql<{ plan: Json }>(AWAITED, { p: planId }, await token('ADMIN'))).data!.plan
        .awaitedEvents as Json[];
    /** The item of the imported plan whose 完成时限 waits for the event. */
    const waitingItem = (e: Json): string =>
      (e.workItems as Json[]).find(
        (w) => w.content === qixingguan2020.categories[2]?.keyTasks[2]?.workItems[0]?.content,
      )!.id;
    const statusOf = async (workItemId: string) =>
      (await gw.gql<{ node: Json }>(STATUS, { id: workItemId }, await token('ADMIN'))).data!.node.status
        .status;

    it('lists the events the plan waits for, each with the items waiting', async () => {
      // The seed: the 待…后 phrases stand in the items' words (their 完成时限 is 长期坚持).
      const seed = await awaited('qixingguan-2020');
      const inWords = seed.find((e) => e.key === LIVE);
      expect(inWords).toMatchObject({ phrase: LIVE, startsDeadlines: false, recorded: null });
      expect(inWords.workItems.map((w: Json) => w.content).join()).toContain(`待${LIVE}后`);
      expect(seed.length).toBeGreaterThanOrEqual(3);

      const imported = await gw.gql<{ importPlan: Json }>(
        `mutation($i: ImportPlanInput!) { importPlan(input: $i) { userErrors { code } } }`,
        {
          i: {
            format: 'CSV',
            content: writePlanCsv(waitingPlan),
            planId: 'events-2020',
            docNumber: '测试〔2020〕9号',
            title: '事件测试方案',
            issuer: '测试',
            issuedOn: '2020-06-04',
            year: 2020,
          },
        },
        await token('ADMIN'),
      );
      expect(imported.data!.importPlan.userErrors).toEqual([]);
      const live = (await awaited()).find((e) => e.key === LIVE);
      expect(live.startsDeadlines).toBe(true);
      expect(live.deadlineTexts).toContain(`待${LIVE}后20个工作日内`);
    });

    it('records an awaited event picked from the list as ADMIN only; statuses start; delete flips them back', async () => {
      const first = (await awaited()).find((e) => e.key === LIVE);
      const item = waitingItem(first);
      expect(await statusOf(item)).toBe('WAITING_FOR_EVENT');
      const input = {
        kind: 'PLATFORM_LIVE',
        occurredOn: '2020-08-03',
        eventKey: first.key,
        text: `${first.phrase}(已上线)`,
        docNumber: '黔府办函〔2020〕77号',
        noticeTitle: '关于平台上线运行的通知',
        issuer: '省政府办公厅',
        publishedOn: '2020-08-01',
      };
      await expectAdminOnly(gw, RECORD, { i: input }, 'recordEvent');
      const r = await gw.gql<{ recordEvent: Json }>(RECORD, { i: input }, await token('ADMIN'));
      expect(r.data!.recordEvent.userErrors).toEqual([]);
      const event = r.data!.recordEvent.event;
      expect(event).toMatchObject({
        eventKey: first.key,
        docNumber: input.docNumber,
        issuer: '省政府办公厅',
        publishedOn: '2020-08-01',
      });
      expect(await statusOf(item)).not.toBe('WAITING_FOR_EVENT');
      expect((await awaited()).find((e) => e.key === first.key).recorded).toEqual({ id: event.id });

      await expectAdminOnly(gw, DELETE, { i: { id: event.id } }, 'deleteEvent');
      const audits = await gw.db.prisma.auditEntry.count({ where: { action: 'deleteEvent' } });
      const d = await gw.gql<{ deleteEvent: Json }>(DELETE, { i: { id: event.id } }, await token('ADMIN'));
      expect(d.data!.deleteEvent).toEqual({ deletedId: event.id, userErrors: [] });
      expect(await gw.db.prisma.auditEntry.count({ where: { action: 'deleteEvent' } })).toBe(audits + 1);
      expect(await statusOf(item)).toBe('WAITING_FOR_EVENT');
      const gone = await gw.gql<{ deleteEvent: Json }>(DELETE, { i: { id: event.id } }, await token('ADMIN'));
      expect(gone.data!.deleteEvent.userErrors[0].code).toBe('UNKNOWN_EVENT');
    });

    it('a 通报 without a key is keyed by its 文号; updates keep what they are not given; statuses follow a key change', async () => {
      const admin = await token('ADMIN');
      const r = await gw.gql<{ recordEvent: Json }>(
        RECORD,
        {
          i: {
            kind: 'CRITICISM',
            occurredOn: '2020-10-15',
            unitId: '520502001',
            text: '政务公开专栏更新不及时',
            docNumber: '毕府办通〔2020〕12号',
            issuer: '市政府办公室',
          },
        },
        admin,
      );
      expect(r.data!.recordEvent.userErrors).toEqual([]);
      const event = r.data!.recordEvent.event;
      expect(event.eventKey).toBe('毕府办通〔2020〕12号');

      await expectAdminOnly(gw, UPDATE, { i: { id: event.id, text: 'x' } }, 'updateEvent');
      const u = await gw.gql<{ updateEvent: Json }>(
        UPDATE,
        { i: { id: event.id, noticeTitle: '关于政务公开工作情况的通报' } },
        admin,
      );
      expect(u.data!.updateEvent.userErrors).toEqual([]);
      expect(u.data!.updateEvent.event).toEqual({ ...event, noticeTitle: '关于政务公开工作情况的通报' });
      const entry = await gw.db.prisma.auditEntry.findFirst({
        where: { action: 'updateEvent' },
        orderBy: { at: 'desc' },
      });
      expect((entry!.before as Json).noticeTitle).toBeNull();
      expect((entry!.after as Json).noticeTitle).toBe('关于政务公开工作情况的通报');
      const cleared = await gw.gql<{ updateEvent: Json }>(UPDATE, { i: { id: event.id, issuer: '' } }, admin);
      expect(cleared.data!.updateEvent.event).toMatchObject({
        unit: { key: '520502001' },
        issuer: null,
        text: '政务公开专栏更新不及时',
        noticeTitle: '关于政务公开工作情况的通报',
      });
      // A 通报 names its unit: clearing it is refused by the core's check, nothing written.
      const noUnit = await gw.gql<{ updateEvent: Json }>(
        UPDATE,
        { i: { id: event.id, unitId: null } },
        admin,
      );
      expect(noUnit.data!.updateEvent.userErrors[0].code).toBe('INVALID_EVENT');
      const bad = await gw.gql<{ updateEvent: Json }>(
        UPDATE,
        { i: { id: event.id, occurredOn: '2020-02-30' } },
        admin,
      );
      expect(bad.errors ?? bad.data!.updateEvent.userErrors).toBeTruthy();
      const unknown = await gw.gql<{ updateEvent: Json }>(
        UPDATE,
        { i: { id: gid('OutsideEvent', 'nope'), text: 'x' } },
        admin,
      );
      expect(unknown.data!.updateEvent.userErrors[0].code).toBe('UNKNOWN_EVENT');

      // Re-keying an event to an awaited key starts the items waiting for it; moving it away stops them.
      const first = (await awaited()).find((e) => e.key === LIVE);
      const item = waitingItem(first);
      const live = await gw.gql<{ recordEvent: Json }>(
        RECORD,
        {
          i: {
            kind: 'PLATFORM_LIVE',
            occurredOn: '2020-08-03',
            eventKey: `${first.key}-草稿`,
            text: '平台上线',
          },
        },
        admin,
      );
      const liveId = live.data!.recordEvent.event.id;
      expect(await statusOf(item)).toBe('WAITING_FOR_EVENT');
      await gw.gql(UPDATE, { i: { id: liveId, eventKey: first.key } }, admin);
      expect(await statusOf(item)).not.toBe('WAITING_FOR_EVENT');
      const dup = await gw.gql<{ updateEvent: Json }>(
        UPDATE,
        { i: { id: event.id, eventKey: first.key } },
        admin,
      );
      expect(dup.data!.updateEvent.userErrors[0]).toEqual({
        code: 'DUPLICATE_EVENT_KEY',
        field: ['eventKey'],
      });
      await gw.gql(UPDATE, { i: { id: liveId, eventKey: `${first.key}-撤回` } }, admin);
      expect(await statusOf(item)).toBe('WAITING_FOR_EVENT');
    });
  });
}
