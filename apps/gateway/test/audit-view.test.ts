// Issue 13 (audit log): one vocabulary every audited action has a label in; entries name what they
// are about and show before/after in words; filters by action in Chinese, person, unit and days.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '../src/services/audit-vocabulary';
import { gid, type Json, startGateway, TEST_ENGINES, type TestGateway } from './harness';

const SRC = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'generated' ? [] : sourceFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

describe('audit vocabulary', () => {
  it('labels every action and entity type the sources write (action: … and entityType: … literals)', () => {
    const actions = new Set<string>();
    const types = new Set<string>();
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\baction:\s*([^,\n}]+)/g)) {
        // A GraphQL field definition (`action: t.exposeString('action')`) is not an audit entry.
        if ((m[1] ?? '').trim().startsWith('t.')) continue;
        for (const q of (m[1] ?? '').matchAll(/'([A-Za-z]+)'/g)) actions.add(q[1] ?? '');
      }
      for (const m of text.matchAll(/\bentityType:\s*'([A-Za-z]+)'/g)) types.add(m[1] ?? '');
    }
    expect(actions.size).toBeGreaterThan(20);
    const unlabelled = [...actions].filter((a) => !(a in AUDIT_ACTIONS));
    expect(unlabelled).toEqual([]);
    expect([...types].filter((t) => !(t in AUDIT_ENTITY_TYPES))).toEqual([]);
    for (const label of Object.values(AUDIT_ACTIONS)) expect(label.zh).toMatch(/\p{Script=Han}/u);
  });
});

for (const engine of TEST_ENGINES) {
  describe.skipIf(engine.skipReason !== null)(`audit log view on ${engine.engine}`, () => {
    let gw: TestGateway;
    let admin: string;
    let reporter: string;
    const LOG = `query($action: String, $actorId: ID, $unitId: String, $from: String, $to: String) {
      auditLog(first: 100, action: $action, actorId: $actorId, unitId: $unitId, from: $from, to: $to) {
        edges { node { action actionLabel { zh en } entityType entityTypeLabel { zh } entityId entityName
          changes { field label { zh } before after } actor { username } } } } }`;
    beforeAll(async () => {
      gw = await startGateway(engine);
      admin = await gw.tokenFor('ADMIN');
      reporter = await gw.tokenFor('REPORTER', 'forestry');
      const assignment = await gw.db.prisma.assignment.findFirstOrThrow({ where: { unitId: 'forestry' } });
      const recorded = await gw.gql<Json>(
        `mutation($i: RecordProgressInput!) { recordProgress(input: $i) { userErrors { code } } }`,
        {
          i: {
            assignmentId: gid('Assignment', assignment.id),
            expectedVersion: assignment.version,
            reportedOn: '2020-09-10',
            state: 'STARTED',
          },
        },
        reporter,
      );
      expect(recorded.data.recordProgress.userErrors).toEqual([]);
      const renamed = await gw.gql<Json>(
        'mutation { updateUnit(input: { id: "water", name: "区水务管理局", parentId: null }) { userErrors { code } } }',
        {},
        admin,
      );
      expect(renamed.data.updateUnit.userErrors).toEqual([]);
    }, 120_000);
    afterAll(async () => gw?.close());

    it('the action filter takes Chinese labels: 报送进展 finds recordProgress', async () => {
      const r = await gw.gql<Json>(LOG, { action: '报送进展' }, admin);
      const entries = r.data.auditLog.edges.map((e: Json) => e.node);
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.every((e: Json) => e.action === 'recordProgress')).toBe(true);
      expect(entries[0].actionLabel.zh).toBe('报送进展');
      expect((await gw.gql<Json>(LOG, { action: 'recordProgress' }, admin)).data.auditLog.edges).toHaveLength(
        entries.length,
      );
      expect((await gw.gql<Json>(LOG, { action: '没有这种操作' }, admin)).data.auditLog.edges).toEqual([]);
    });

    it('names what an entry is about and shows the change in words, not ids', async () => {
      const r = await gw.gql<Json>(LOG, { action: 'updateUnit' }, admin);
      const [entry] = r.data.auditLog.edges.map((e: Json) => e.node);
      expect(entry).toMatchObject({
        entityTypeLabel: { zh: '单位' },
        entityName: '区水务管理局',
        actionLabel: { zh: '修改单位' },
      });
      const byField = Object.fromEntries(entry.changes.map((c: Json) => [c.field, c]));
      expect(byField.canonicalName).toMatchObject({
        label: { zh: '名称' },
        before: '区水务局',
        after: '区水务管理局',
      });
      expect(byField.parentId).toMatchObject({
        label: { zh: '上级单位' },
        before: '七星关区人民政府',
        after: null,
      });
      expect(byField.aliases.after).toContain('区水务局');
      const progress = (await gw.gql<Json>(LOG, { action: 'recordProgress' }, admin)).data.auditLog.edges[0]
        .node;
      expect(progress.entityName).toMatch(/^区林业局/);
      expect(progress.entityName).not.toMatch(/^c[a-z0-9]{20,}/);
    });

    it('filters by person, unit and China days', async () => {
      const reporterRow = await gw.db.prisma.user.findUniqueOrThrow({
        where: { username: 'reporter-forestry' },
      });
      const byActor = await gw.gql<Json>(LOG, { actorId: gid('User', reporterRow.id) }, admin);
      const actions = byActor.data.auditLog.edges.map((e: Json) => e.node.action);
      expect(actions).toContain('recordProgress');
      expect(actions).not.toContain('updateUnit');
      const byUnit = await gw.gql<Json>(LOG, { unitId: 'water' }, admin);
      expect(byUnit.data.auditLog.edges.map((e: Json) => e.node.action)).toEqual(['updateUnit']);
      const forestry = await gw.gql<Json>(LOG, { unitId: 'forestry' }, admin);
      expect(forestry.data.auditLog.edges.map((e: Json) => e.node.action)).toContain('recordProgress');
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      const todays = await gw.gql<Json>(LOG, { from: today, to: today, action: 'updateUnit' }, admin);
      expect(todays.data.auditLog.edges).toHaveLength(1);
      const before = await gw.gql<Json>(LOG, { to: '2019-12-31' }, admin);
      expect(before.data.auditLog.edges).toEqual([]);
      const bad = await gw.gql<Json>(LOG, { from: 'yesterday' }, admin);
      expect(bad.errors?.[0]?.message).toMatch(/YYYY-MM-DD/);
    });

    it('the vocabulary is served to ADMINs only', async () => {
      const q = '{ auditVocabulary { actions { key zh en } entityTypes { key zh } } }';
      const r = await gw.gql<Json>(q, {}, admin);
      expect(r.data.auditVocabulary.actions).toHaveLength(Object.keys(AUDIT_ACTIONS).length);
      expect(r.data.auditVocabulary.actions).toContainEqual({
        key: 'recordProgress',
        zh: '报送进展',
        en: 'Recorded progress',
      });
      for (const token of [reporter, await gw.tokenFor('ANALYST'), null]) {
        const refused = await gw.gql<Json>(q, {}, token);
        expect(refused.data?.auditVocabulary ?? null).toBeNull();
        expect(refused.errors?.length).toBeGreaterThan(0);
      }
    });
  });
}
