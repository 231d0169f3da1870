import { describe, expect, it } from 'vitest';
import { hashPassword } from '../src/services/passwords';
import { DASHBOARD } from './dashboard-query';
import { ADMIN_PASSWORD, gid, type Json, TEST_ENGINES, useGateway } from './harness';

for (const engine of TEST_ENGINES) {
  describe.skipIf(engine.skipReason !== null)(`GraphQL API on ${engine.engine}`, () => {
    const gw = useGateway(engine);

    it('serves the seed plan: 3 categories, 11 key tasks, 31 work items with assignments and statuses', async () => {
      const r = await gw.gql<{ plan: Json }>(DASHBOARD, { planId: 'qixingguan-2020', asOf: '2020-09-15' });
      expect(r.errors).toBeUndefined();
      const plan = r.data!.plan;
      expect(plan.docNumber).toBe('七星府办通〔2020〕84号');
      expect(plan.categories).toHaveLength(3);
      const tasks = plan.categories.flatMap((c: Json) => c.keyTasks.edges.map((e: Json) => e.node));
      expect(tasks).toHaveLength(11);
      const items = tasks.flatMap((t: Json) => t.workItems.edges.map((e: Json) => e.node));
      expect(items).toHaveLength(31);
      for (const item of items) {
        expect(item.assignments.edges.length).toBeGreaterThan(0);
        expect(item.status.explanation.zh.length).toBeGreaterThan(0);
      }
      expect(items.some((i: Json) => i.status.isOverdue)).toBe(true);
    });

    it('finds nodes by global id and answers node(id) for every major type', async () => {
      const r = await gw.gql<{ workItems: Json }>(
        `{ workItems(planId: "qixingguan-2020", first: 1) { edges { node { id keyTask { id plan { id } } } } } }`,
      );
      const item = r.data!.workItems.edges[0].node;
      const n = await gw.gql<{ node: Json }>(`query($id: ID!) { node(id: $id) { __typename id } }`, {
        id: item.id,
      });
      expect(n.data!.node).toEqual({ __typename: 'WorkItem', id: item.id });
      const k = await gw.gql<{ node: Json }>(
        `query($id: ID!) { node(id: $id) { __typename ... on KeyTask { number } } }`,
        {
          id: item.keyTask.id,
        },
      );
      expect(k.data!.node.__typename).toBe('KeyTask');
    });

    it('filters work items by unit, role, key task, status as of a day, due range and text', async () => {
      const q = `query($f: WorkItemFilter, $o: WorkItemOrder) {
        workItems(planId: "qixingguan-2020", asOf: "2020-09-15", filter: $f, orderBy: $o, first: 100) {
          edges { node { content dueOn status(asOf: "2020-09-15") { status } keyTask { number } } }
        }
      }`;
      const all = await gw.gql<{ workItems: Json }>(q, {});
      expect(all.data!.workItems.edges).toHaveLength(31);
      const overdue = await gw.gql<{ workItems: Json }>(q, { f: { statuses: ['OVERDUE'] } });
      for (const e of overdue.data!.workItems.edges) expect(e.node.status.status).toBe('OVERDUE');
      const task3 = await gw.gql<{ workItems: Json }>(q, { f: { keyTaskNumbers: [3] } });
      expect(task3.data!.workItems.edges.length).toBeGreaterThan(0);
      for (const e of task3.data!.workItems.edges) expect(e.node.keyTask.number).toBe(3);
      const due = await gw.gql<{ workItems: Json }>(q, { f: { dueFrom: '2020-07-01', dueTo: '2020-07-31' } });
      for (const e of due.data!.workItems.edges) {
        expect(e.node.dueOn >= '2020-07-01' && e.node.dueOn <= '2020-07-31').toBe(true);
      }
      const byDue = await gw.gql<{ workItems: Json }>(q, { o: { field: 'DUE_ON', direction: 'ASC' } });
      const dues = byDue
        .data!.workItems.edges.map((e: Json) => e.node.dueOn)
        .filter((d: string | null) => d !== null);
      expect(dues).toEqual([...dues].sort());
      const search = await gw.gql<{ workItems: Json }>(q, { f: { search: '政务新媒体' } });
      expect(search.data!.workItems.edges.length).toBeGreaterThan(0);
      const town = await gw.gql<{ workItems: Json }>(q, {
        f: { unitKinds: ['TOWN', 'TOWNSHIP', 'SUBDISTRICT'], roles: ['RESPONSIBLE'] },
      });
      expect(town.data!.workItems.edges.length).toBeGreaterThan(0);
    });

    it('filters assignments by unit and orders them', async () => {
      const r = await gw.gql<{ assignments: Json }>(
        `{ assignments(planId: "qixingguan-2020", filter: { unitIds: ["gov-office"], roles: [LEAD] }, first: 100) {
            edges { node { role unit { key } } } } }`,
      );
      expect(r.errors).toBeUndefined();
      expect(r.data!.assignments.edges.length).toBeGreaterThan(0);
      for (const e of r.data!.assignments.edges)
        expect(e.node).toEqual({ role: 'LEAD', unit: { key: 'gov-office' } });
    });

    it('summarises progress by Json combination of dimensions', async () => {
      const r = await gw.gql<{ progressSummary: Json[] }>(
        `{ progressSummary(planId: "qixingguan-2020", asOf: "2020-09-15", groupBy: [CATEGORY, ROLE]) {
            key { dimension value label } assignments done overdue completionRate byStatus { status count } } }`,
      );
      expect(r.errors).toBeUndefined();
      const groups = r.data!.progressSummary;
      expect(groups.length).toBeGreaterThanOrEqual(3);
      const whole = await gw.gql<{ progressSummary: Json[] }>(
        `{ progressSummary(planId: "qixingguan-2020", asOf: "2020-09-15", groupBy: []) { assignments } }`,
      );
      const total = whole.data!.progressSummary[0].assignments;
      expect(groups.reduce((n: number, g: Json) => n + g.assignments, 0)).toBe(total);
    });

    it('caps pages at 100 with a clear error', async () => {
      const r = await gw.gql(`{ units(first: 101) { edges { node { key } } } }`);
      expect(r.errors?.[0]?.message).toMatch(/between 1 and 100/);
    });

    it('refuses queries that are too deep or too complex, before running them', async () => {
      const nest = (depth: number): string => (depth === 0 ? 'key' : `parent { ${nest(depth - 1)} }`);
      const deep = await gw.gql(`{ unit(id: "gov-office") { ${nest(16)} } }`);
      expect(deep.errors?.[0]?.message).toMatch(/depth/i);
      const six = `categories { plan { categories { plan { categories { plan { categories { plan { categories { plan { categories { title } } } } } } } } } } }`;
      const wide = await gw.gql(
        `{ a: plan(id: "qixingguan-2020") { ${six} } b: plan(id: "qixingguan-2020") { ${six} } }`,
      );
      expect(wide.errors?.[0]?.message).toMatch(/complexity/i);
    });

    it('masks unexpected errors', async () => {
      const r = await gw.gql(`{ plan(id: "qixingguan-2020") { key } }`, {}, 'not-a-token');
      expect(r.errors).toBeUndefined();
      const bad = await gw.gql(
        `{ workItems(planId: "qixingguan-2020", asOf: "2020-02-30") { edges { node { id } } } }`,
      );
      expect(bad.errors?.[0]?.message).toMatch(/does not exist/);
    });

    it('logs in with the password, answers me, and logs out (the token then stops working)', async () => {
      const login = await gw.gql<{ login: Json }>(
        `mutation($i: LoginInput!) { login(input: $i) { token user { username role } userErrors { code } } }`,
        { i: { username: 'admin', password: ADMIN_PASSWORD } },
      );
      expect(login.errors).toBeUndefined();
      expect(login.data!.login.userErrors).toEqual([]);
      expect(login.data!.login.user).toEqual({ username: 'admin', role: 'ADMIN' });
      const token = login.data!.login.token as string;
      const me = await gw.gql<{ me: Json }>(`{ me { username role } }`, {}, token);
      expect(me.data!.me).toEqual({ username: 'admin', role: 'ADMIN' });
      const wrong = await gw.gql<{ login: Json }>(
        `mutation($i: LoginInput!) { login(input: $i) { token userErrors { code field message { zh en } } } }`,
        { i: { username: 'admin', password: 'nope' } },
      );
      expect(wrong.data!.login.token).toBeNull();
      expect(wrong.data!.login.userErrors[0].code).toBe('INVALID_CREDENTIALS');
      await gw.gql(`mutation { logout { loggedOut } }`, {}, token);
      const after = await gw.gql<{ me: Json }>(`{ me { username } }`, {}, token);
      expect(after.data!.me).toBeNull();
    });

    it("login's payload shows the user who signed in (the request itself is anonymous), and only them", async () => {
      const unit = await gw.db.prisma.unit.findUniqueOrThrow({ where: { id: 'gov-office' } });
      await gw.db.prisma.user.create({
        data: {
          username: 'reporter-login',
          role: 'REPORTER',
          unitId: unit.id,
          passwordHash: await hashPassword('reporter password 1'),
        },
      });
      const login = await gw.gql<{ login: Json }>(
        `mutation($i: LoginInput!) { login(input: $i) {
           token user { id username role unit { key } } userErrors { code } } }`,
        { i: { username: 'reporter-login', password: 'reporter password 1' } },
      );
      expect(login.status).toBe(200);
      expect(login.errors).toBeUndefined();
      expect(login.data!.login.userErrors).toEqual([]);
      expect(login.data!.login.user).toMatchObject({
        username: 'reporter-login',
        role: 'REPORTER',
        unit: { key: 'gov-office' },
      });
      // The grant is the login payload's only: anonymously, the same user is still not readable.
      const anon = await gw.gql<{ node: Json }>(
        `query($id: ID!) { node(id: $id) { ... on User { username } } }`,
        {
          id: login.data!.login.user.id,
        },
      );
      expect(anon.data?.node ?? null).toBeNull();
      expect(anon.errors?.[0]?.message).toMatch(/Not authorized/);
      const wrong = await gw.gql<{ login: Json }>(
        `mutation($i: LoginInput!) { login(input: $i) { token user { username } userErrors { code } } }`,
        { i: { username: 'reporter-login', password: 'wrong' } },
      );
      expect(wrong.errors).toBeUndefined();
      expect(wrong.data!.login).toMatchObject({ token: null, user: null });
    });

    it('records progress with an optimistic version: a stale write is a clear conflict, nothing lost', async () => {
      const admin = await gw.tokenFor('ADMIN');
      const a = await gw.gql<{ assignments: Json }>(
        `{ assignments(planId: "qixingguan-2020", first: 1) { edges { node { id version } } } }`,
      );
      const { id, version } = a.data!.assignments.edges[0].node;
      const write = (v: number, note: string) =>
        gw.gql<{ recordProgress: Json }>(
          `mutation($i: RecordProgressInput!) { recordProgress(input: $i) {
             report { id state note } assignment { version status(asOf: "2020-09-15") { status } } userErrors { code field message { zh en } } } }`,
          {
            i: {
              assignmentId: id,
              expectedVersion: v,
              reportedOn: '2020-09-10',
              state: 'PARTIAL',
              percent: 50,
              note,
            },
          },
          admin,
        );
      const [first, second] = await Promise.all([write(version, 'one'), write(version, 'two')]);
      const results = [first.data!.recordProgress, second.data!.recordProgress];
      expect(results.filter((p) => p.userErrors.length === 0)).toHaveLength(1);
      const loser = results.find((p) => p.userErrors.length > 0);
      expect(loser.userErrors[0].code).toBe('VERSION_CONFLICT');
      const reports = await gw.db.prisma.progressReport.count({
        where: { assignmentId: Buffer.from(id, 'base64').toString().split(':')[1]! },
      });
      expect(reports).toBe(1);
      const audit = await gw.gql<{ auditLog: Json }>(
        `{ auditLog(action: "recordProgress", first: 10) { edges { node { action entityType actor { username } after } } } }`,
        {},
        admin,
      );
      expect(audit.data!.auditLog.edges).toHaveLength(1);
    });

    it('never serves a cached result after a write, nor one viewer’s result to another', async () => {
      const admin = await gw.tokenFor('ADMIN');
      const analyst = await gw.tokenFor('ANALYST');
      const q = `{ assignments(planId: "qixingguan-2020", first: 1, orderBy: { field: UNIT, direction: DESC }) {
        edges { node { id version latestReport { note } } } } }`;
      const first = await gw.gql<{ assignments: Json }>(q, {}, analyst);
      const anonFirst = await gw.gql<{ assignments: Json }>(q);
      const node = first.data!.assignments.edges[0].node;
      gw.statements.length = 0;
      const w = await gw.gql<{ recordProgress: Json }>(
        `mutation($i: RecordProgressInput!) { recordProgress(input: $i) { userErrors { code } } }`,
        {
          i: {
            assignmentId: node.id,
            expectedVersion: node.version,
            reportedOn: '2020-09-11',
            state: 'STARTED',
            note: 'fresh',
          },
        },
        admin,
      );
      expect(w.data!.recordProgress.userErrors).toEqual([]);
      const again = await gw.gql<{ assignments: Json }>(q, {}, analyst);
      expect(again.data!.assignments.edges[0].node.version).toBe(node.version + 1);
      expect(again.data!.assignments.edges[0].node.latestReport.note).toBe('fresh');
      // PUBLIC sees the new version, but never a report (notes are for signed-in readers).
      const anonAgain = await gw.gql<{ assignments: Json }>(q);
      expect(anonFirst.data!.assignments.edges[0].node.version).toBe(node.version);
      expect(anonAgain.data!.assignments.edges[0].node).toMatchObject({
        version: node.version + 1,
        latestReport: null,
      });
      const meA = await gw.gql<{ me: Json }>('{ me { role } }', {}, admin);
      const meB = await gw.gql<{ me: Json }>('{ me { role } }', {}, analyst);
      expect([meA.data!.me.role, meB.data!.me.role]).toEqual(['ADMIN', 'ANALYST']);
    });

    it('answers bad input with a user error and writes nothing', async () => {
      const admin = await gw.tokenFor('ADMIN');
      const before = await gw.db.prisma.auditEntry.count();
      const r = await gw.gql<{ recordProgress: Json }>(
        `mutation($i: RecordProgressInput!) { recordProgress(input: $i) { report { id } userErrors { code field } } }`,
        {
          i: {
            assignmentId: gid('Assignment', 'nope'),
            expectedVersion: 0,
            reportedOn: '2020-09-10',
            state: 'DONE',
            percent: 120,
          },
        },
        admin,
      );
      expect(r.data!.recordProgress.userErrors[0].code).toBe('INVALID_PERCENT');
      expect(await gw.db.prisma.auditEntry.count()).toBe(before);
    });
  });
}
