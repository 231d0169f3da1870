// Issue 13 (units) and issue 15 item 7 (registry integrity): edits keep what they were not given,
// merges move everything, the rules refuse clashes and loops, and an odd registry written past the
// mutations never makes a read fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Json, startGateway, TEST_ENGINES, type TestGateway } from './harness';

const UPDATE = `mutation($i: UpdateUnitInput!) { updateUnit(input: $i) {
  unit { key name kind aliases parent { key } } userErrors { code field message { zh en } } } }`;
const UPSERT = `mutation($i: UpsertUnitInput!) { upsertUnit(input: $i) {
  unit { key name kind aliases parent { key } } userErrors { code field message { zh en } } } }`;
const MERGE = `mutation($i: MergeUnitsInput!) { mergeUnits(input: $i) {
  unit { key aliases } moved { assignments folded reports users events manualScores children }
  userErrors { code field message { zh en } } } }`;
const IMPORT = `mutation($i: ImportUnitsInput!) { importUnits(input: $i) {
  created updated userErrors { code field message { zh en } } } }`;
const SEARCH = `query($q: String) { units(first: 100, search: $q) { edges { node { key name } } } }`;

for (const engine of TEST_ENGINES) {
  describe.skipIf(engine.skipReason !== null)(`unit administration on ${engine.engine}`, () => {
    let gw: TestGateway;
    let admin: string;
    beforeAll(async () => {
      gw = await startGateway(engine);
      admin = await gw.tokenFor('ADMIN');
    }, 120_000);
    afterAll(async () => gw?.close());

    const update = async (input: Json, token: string | null = admin) =>
      (await gw.gql<Json>(UPDATE, { i: input }, token)).data.updateUnit;

    it('updateUnit changes only what it is given; a rename keeps the old name as an alias', async () => {
      const before = await gw.db.prisma.unit.findUniqueOrThrow({ where: { id: 'gov-office' } });
      expect(before.parentId).toBe('district-government');
      const r = await update({ id: 'gov-office', name: '区人民政府办公室(新)' });
      expect(r.userErrors).toEqual([]);
      expect(r.unit.parent.key).toBe('district-government');
      expect(r.unit.kind).toBe('DEPARTMENT');
      expect(r.unit.aliases).toContain('区政府办公室');
      expect(r.unit.aliases).toContain('区政府办');
      const kindOnly = await update({ id: 'gov-office', kind: 'DIRECTLY_AFFILIATED' });
      expect(kindOnly.unit).toMatchObject({
        name: '区人民政府办公室(新)',
        parent: { key: 'district-government' },
      });
      expect(kindOnly.unit.aliases).toContain('区政府办公室');
      // The old name still finds the unit, by the API's search and by `unit(id:)`.
      const found = await gw.gql<Json>(SEARCH, { q: '区政府办公室' }, admin);
      expect(found.data.units.edges.map((e: Json) => e.node.key)).toContain('gov-office');
      const byName = await gw.gql<Json>('{ unit(id: "区政府办公室 ") { key } }');
      expect(byName.data.unit.key).toBe('gov-office');
      // An explicit null clears the parent; then it is set again.
      expect((await update({ id: 'gov-office', parentId: null })).unit.parent).toBeNull();
      expect(
        (await update({ id: 'gov-office', parentId: 'district-government', kind: 'DEPARTMENT' })).unit.parent
          .key,
      ).toBe('district-government');
    });

    it('upsertUnit without parentId keeps the parent and the old name (issue 13)', async () => {
      const r = (
        await gw.gql<Json>(UPSERT, { i: { id: 'water', name: '区水务管理局', kind: 'DEPARTMENT' } }, admin)
      ).data.upsertUnit;
      expect(r.userErrors).toEqual([]);
      expect(r.unit.parent.key).toBe('district-government');
      expect(r.unit.aliases).toContain('区水务局');
      const created = (
        await gw.gql<Json>(
          UPSERT,
          { i: { id: 'qxg-new-bureau', name: '区新设局', kind: 'DEPARTMENT' } },
          admin,
        )
      ).data.upsertUnit;
      expect(created.unit).toMatchObject({ key: 'qxg-new-bureau', parent: null });
    });

    it('refuses names and aliases that clash after NFKC and trimming, and parent loops, writing nothing', async () => {
      const audits = await gw.db.prisma.auditEntry.count();
      const trailing = await update({ id: 'forestry', name: '区农业农村局 ' });
      expect(trailing.userErrors[0]).toMatchObject({ code: 'NAME_TAKEN', field: ['name'] });
      expect(trailing.userErrors[0].message.zh).toMatch(/区农业农村局/);
      const fullWidth = await update({ id: 'forestry', aliases: ['区教科局'] });
      expect(fullWidth.userErrors[0]).toMatchObject({ code: 'ALIAS_TAKEN', field: ['aliases', '0'] });
      const nameIsAlias = await update({ id: 'forestry', name: '区 发改局' });
      expect(nameIsAlias.userErrors[0].code).toBe('NAME_TAKEN');
      const alias = (
        await gw.gql<Json>(
          'mutation { addUnitAlias(input: { unitId: "forestry", alias: "区卫健局　" }) { userErrors { code } } }',
          {},
          admin,
        )
      ).data.addUnitAlias;
      expect(alias.userErrors[0].code).toBe('ALIAS_TAKEN');
      await update({ id: 'forestry', parentId: 'transport' });
      const loop = await update({ id: 'transport', parentId: 'forestry' });
      expect(loop.userErrors[0]).toMatchObject({ code: 'PARENT_CYCLE', field: ['parentId'] });
      expect(loop.userErrors[0].message.zh).toMatch(/成环/);
      const self = await update({ id: 'transport', parentId: 'transport' });
      expect(self.userErrors[0].code).toBe('PARENT_CYCLE');
      // Only the one accepted change (forestry's parent) was audited.
      expect(await gw.db.prisma.auditEntry.count()).toBe(audits + 1);
      await update({ id: 'forestry', parentId: 'district-government' });
    });

    it('unit mutations are ADMIN only: REPORTER, ANALYST and anonymous are refused, nothing written', async () => {
      const reporter = await gw.tokenFor('REPORTER', 'forestry');
      const analyst = await gw.tokenFor('ANALYST');
      const audits = await gw.db.prisma.auditEntry.count();
      for (const token of [reporter, analyst, null]) {
        const codes = [
          (await update({ id: 'forestry', name: '改名' }, token)).userErrors[0].code,
          (await gw.gql<Json>(MERGE, { i: { keepId: 'forestry', mergeId: 'water' } }, token)).data.mergeUnits
            .userErrors[0].code,
          (
            await gw.gql<Json>(
              IMPORT,
              { i: { units: [{ id: 'x-unit', name: '某局', kind: 'DEPARTMENT' }] } },
              token,
            )
          ).data.importUnits.userErrors[0].code,
        ];
        expect(codes).toEqual(Array(3).fill(token ? 'FORBIDDEN' : 'UNAUTHENTICATED'));
      }
      expect(await gw.db.prisma.auditEntry.count()).toBe(audits);
      expect((await gw.db.prisma.unit.findUniqueOrThrow({ where: { id: 'forestry' } })).canonicalName).toBe(
        '区林业局',
      );
    });

    it('searches by alias and abbreviation: 教科局 and 区教育局 find 区教育科技局', async () => {
      for (const q of ['教科局', '区教育局', '区教科局', '教育科技']) {
        const r = await gw.gql<Json>(SEARCH, { q });
        expect(
          r.data.units.edges.map((e: Json) => e.node.name),
          q,
        ).toContain('区教育科技局');
      }
      const none = await gw.gql<Json>(SEARCH, { q: '区公安局' });
      expect(none.data.units.edges).toEqual([]);
    });

    it('mergeUnits moves assignments, reports, users, events and manual scores, in one audited step', async () => {
      const p = gw.db.prisma;
      // The merged unit: a new one with its own duty, report, user, event and a manual score; plus a
      // duty on an item the kept unit has too (folded).
      await p.unit.create({ data: { id: 'qxg-merge-me', canonicalName: '区待并局', kind: 'department' } });
      await p.unitAlias.create({ data: { alias: '区待并', unitId: 'qxg-merge-me' } });
      const keptDuties = await p.assignment.findMany({
        where: { unitId: 'forestry' },
        take: 2,
        orderBy: { id: 'asc' },
      });
      const [shared, other] = keptDuties;
      // An item the kept unit has no duty on: drop one of its (report-less) duties first.
      await p.assignment.delete({ where: { id: other!.id } });
      const freeItem = { id: other!.workItemId };
      const duplicate = await p.assignment.create({
        data: { unitId: 'qxg-merge-me', workItemId: shared!.workItemId, role: shared!.role },
      });
      const own = await p.assignment.create({
        data: { unitId: 'qxg-merge-me', workItemId: freeItem.id, role: 'LEAD' },
      });
      const report = await p.progressReport.create({
        data: { assignmentId: duplicate.id, reportedOn: '2020-09-01', state: 'STARTED' },
      });
      await p.user.create({
        data: {
          username: 'merge-reporter',
          role: 'REPORTER',
          unitId: 'qxg-merge-me',
          passwordHash: 'scrypt$x',
        },
      });
      await p.outsideEvent.create({
        data: {
          kind: 'COMMENDATION',
          occurredOn: '2020-09-01',
          eventKey: 'merge-test',
          unitId: 'qxg-merge-me',
          text: '表扬',
        },
      });
      const scheme = await p.assessmentScheme.findFirstOrThrow();
      await p.manualScore.create({
        data: {
          schemeId: scheme.id,
          unitId: 'qxg-merge-me',
          indicatorId: 'i-merge',
          points: 3,
          reason: '测试',
        },
      });
      const r = (await gw.gql<Json>(MERGE, { i: { keepId: 'forestry', mergeId: 'qxg-merge-me' } }, admin))
        .data.mergeUnits;
      expect(r.userErrors).toEqual([]);
      expect(r.moved).toMatchObject({
        assignments: 1,
        folded: 1,
        reports: 1,
        users: 1,
        events: 1,
        manualScores: 1,
      });
      expect(r.unit.aliases).toEqual(expect.arrayContaining(['区待并局', '区待并']));
      expect(await p.unit.findUnique({ where: { id: 'qxg-merge-me' } })).toBeNull();
      expect((await p.assignment.findUniqueOrThrow({ where: { id: own.id } })).unitId).toBe('forestry');
      expect(await p.assignment.findUnique({ where: { id: duplicate.id } })).toBeNull();
      expect((await p.progressReport.findUniqueOrThrow({ where: { id: report.id } })).assignmentId).toBe(
        shared!.id,
      );
      expect((await p.user.findUniqueOrThrow({ where: { username: 'merge-reporter' } })).unitId).toBe(
        'forestry',
      );
      expect((await p.outsideEvent.findUniqueOrThrow({ where: { eventKey: 'merge-test' } })).unitId).toBe(
        'forestry',
      );
      expect(await p.manualScore.count({ where: { unitId: 'forestry', indicatorId: 'i-merge' } })).toBe(1);
      const audit = await p.auditEntry.findFirstOrThrow({ where: { action: 'mergeUnits' } });
      expect(audit.entityId).toBe('forestry');
      // The merged unit's old name finds the kept unit.
      const found = await gw.gql<Json>(SEARCH, { q: '区待并局' });
      expect(found.data.units.edges.map((e: Json) => e.node.key)).toEqual(['forestry']);
    });

    it('mergeUnits refuses a unit merged into itself or an unknown unit', async () => {
      const self = (await gw.gql<Json>(MERGE, { i: { keepId: 'water', mergeId: 'water' } }, admin)).data
        .mergeUnits;
      expect(self.userErrors[0].code).toBe('INVALID_INPUT');
      const unknown = (await gw.gql<Json>(MERGE, { i: { keepId: 'water', mergeId: 'nope' } }, admin)).data
        .mergeUnits;
      expect(unknown.userErrors[0]).toMatchObject({ code: 'UNKNOWN_UNIT', field: ['mergeId'] });
    });

    it('importUnits creates and updates, keeps aliases, names the row of an error and writes nothing then', async () => {
      const ok = (
        await gw.gql<Json>(
          IMPORT,
          {
            i: {
              units: [
                {
                  id: 'qxg-import-a',
                  name: '区导入甲局',
                  kind: 'DEPARTMENT',
                  parentId: 'qxg-import-b',
                  aliases: ['导入甲'],
                },
                {
                  id: 'qxg-import-b',
                  name: '区导入乙局',
                  kind: 'DEPARTMENT',
                  parentId: 'district-government',
                },
                { id: 'civil-affairs', name: '区民政局', kind: 'DEPARTMENT', aliases: ['民政局'] },
              ],
            },
          },
          admin,
        )
      ).data.importUnits;
      expect(ok.userErrors).toEqual([]);
      expect(ok.created).toEqual(['qxg-import-a', 'qxg-import-b']);
      expect(ok.updated).toEqual(['civil-affairs']);
      expect((await gw.db.prisma.unit.findUniqueOrThrow({ where: { id: 'qxg-import-a' } })).parentId).toBe(
        'qxg-import-b',
      );
      const before = await gw.db.prisma.unit.count();
      const bad = (
        await gw.gql<Json>(
          IMPORT,
          {
            i: {
              units: [
                { id: 'qxg-import-c', name: '区导入丙局', kind: 'DEPARTMENT' },
                { id: 'qxg-import-d', name: '区导入甲局 ', kind: 'DEPARTMENT' },
              ],
            },
          },
          admin,
        )
      ).data.importUnits;
      expect(bad.userErrors[0]).toMatchObject({ code: 'NAME_TAKEN', field: ['units', '1', 'name'] });
      expect(bad.userErrors[0].message.zh).toMatch(/^第2行/);
      expect(await gw.db.prisma.unit.count()).toBe(before);
    });

    it('an odd registry written directly (a name twice, an alias equal to a name, a parent loop) never fails a read', async () => {
      const p = gw.db.prisma;
      await p.unit.create({
        data: { id: 'odd-a', canonicalName: '区农业农村局 ', kind: 'department', parentId: null },
      });
      await p.unit.create({
        data: { id: 'odd-b', canonicalName: '区奇怪局', kind: 'nonsense', parentId: 'odd-a' },
      });
      await p.unit.update({ where: { id: 'odd-a' }, data: { parentId: 'odd-b' } });
      await p.unitAlias.create({ data: { alias: '区水务管理局', unitId: 'odd-b' } });
      const problems = await gw.gql<Json>('{ unitRegistryProblems { code path message { zh } } }', {}, admin);
      expect(problems.data.unitRegistryProblems.map((x: Json) => x.code)).toEqual(
        expect.arrayContaining(['ambiguous_name', 'parent_cycle', 'unknown_kind']),
      );
      const plan = await p.plan.findFirstOrThrow();
      const scheme = await p.assessmentScheme.findFirstOrThrow({ where: { planId: plan.id } });
      const asOf = '2020-09-15';
      const assessment = await gw.gql<Json>(
        `query($p: String!, $s: ID!) { assessmentPreview(planId: $p, schemeId: $s, asOf: "${asOf}") { asOf results } }`,
        { p: plan.id, s: scheme.id },
        admin,
      );
      expect(assessment.errors).toBeUndefined();
      expect(assessment.data.assessmentPreview.asOf).toBe(asOf);
      const { decompositionTable } = await import('../src/services/downloads');
      const xlsx = await decompositionTable(gw.db, plan.id, 'xlsx', asOf);
      expect(xlsx?.body.length).toBeGreaterThan(1000);
      const csv = await decompositionTable(gw.db, plan.id, 'csv', asOf);
      expect(String(csv?.body)).toContain('区农业农村局');
      const preview = await gw.gql<Json>(
        `mutation($i: ImportPlanInput!) { importPlan(input: $i) { userErrors { code } } }`,
        { i: { format: 'TEXT', content: '不是方案', dryRun: true } },
        admin,
      );
      expect(preview.errors).toBeUndefined();
      await p.unit.update({ where: { id: 'odd-a' }, data: { parentId: null } });
      await p.unit.deleteMany({ where: { id: { in: ['odd-a', 'odd-b'] } } });
    });
  });
}
