// The visibility rule (src/visibility.ts), tested as an attacker would probe it: as PUBLIC, from every
// entry point of the schema (introspected, queries built programmatically), every field of every
// type reached is followed, node by node, over a database that holds one NOT_PUBLIC plan (the seed
// imported as CSV, its texts marked). No response may contain that plan's id, title, key task or
// work item text, source text, scheme, stored scores or report notes, by POST or by GET.
import { qixingguan2020 } from '@qxg/disclosure-core';
import { writePlanCsv } from '@qxg/plan-io';
import {
  getIntrospectionQuery,
  type IntrospectionField,
  type IntrospectionInputValue,
  type IntrospectionObjectType,
  type IntrospectionQuery,
  type IntrospectionType,
  type IntrospectionTypeRef,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gid, type Json, startGateway, TEST_ENGINES, type TestGateway } from './harness';

const SECRET_PLAN = 'secret-2020';
const PUBLIC_PLAN = 'qixingguan-2020';
const MARK = 'SECRET-7731';
const AS_OF = '2020-09-15';
const NESTED_DEPTH = 4;
const BATCH = 10;

const sqlite = TEST_ENGINES.find((e) => e.engine === 'sqlite')!;

describe('PUBLIC sees nothing of a NOT_PUBLIC plan, by any path', () => {
  let gw: TestGateway;
  /** Strings that must appear nowhere in an anonymous response. */
  const secrets: string[] = [];
  /** Ids of the secret plan's rows (raw and global): must not appear in any response's data. */
  const secretIds: string[] = [];
  let secretSchemeGid = '';
  let publicSchemeGid = '';

  beforeAll(async () => {
    gw = await startGateway(sqlite);
    const admin = await gw.tokenFor('ADMIN');
    const imported = await gw.gql<{ importPlan: Json }>(
      `mutation($i: ImportPlanInput!) { importPlan(input: $i) { plan { key publicity } userErrors { code } } }`,
      {
        i: {
          format: 'CSV',
          content: writePlanCsv(qixingguan2020),
          planId: SECRET_PLAN,
          docNumber: '绝密〔2020〕1号',
          title: `${MARK} 内部方案`,
          issuer: '测试',
          issuedOn: '2020-06-04',
          year: 2020,
        },
      },
      admin,
    );
    expect(imported.data!.importPlan).toMatchObject({
      plan: { key: SECRET_PLAN, publicity: 'NOT_PUBLIC' },
      userErrors: [],
    });
    // Mark every text of the plan, so a leak through any row is recognisable.
    const p = gw.db.prisma;
    await p.plan.update({ where: { id: SECRET_PLAN }, data: { sourceText: `${MARK}-SOURCE 全文` } });
    const tasks = await p.keyTask.findMany({ where: { planId: SECRET_PLAN } });
    for (const t of tasks)
      await p.keyTask.update({
        where: { id: t.id },
        data: { title: `${MARK}-TASK-${t.number}`, body: `${MARK}-BODY` },
      });
    const categories = await p.category.findMany({ where: { planId: SECRET_PLAN } });
    for (const c of categories)
      await p.category.update({ where: { id: c.id }, data: { title: `${MARK}-CAT-${c.number}` } });
    const items = await p.workItem.findMany({ where: { keyTask: { planId: SECRET_PLAN } } });
    for (const w of items)
      await p.workItem.update({ where: { id: w.id }, data: { content: `${MARK}-ITEM-${w.id}` } });
    const assignments = await p.assignment.findMany({
      where: { workItem: { keyTask: { planId: SECRET_PLAN } } },
    });
    // A scheme and a stored run (scores) for the secret plan, and a report with a marked note.
    const publicScheme = await p.assessmentScheme.findFirstOrThrow({ where: { planId: PUBLIC_PLAN } });
    publicSchemeGid = gid('AssessmentScheme', publicScheme.id);
    const scheme = await p.assessmentScheme.create({
      data: { planId: SECRET_PLAN, name: `${MARK}-SCHEME`, definition: publicScheme.definition as object },
    });
    secretSchemeGid = gid('AssessmentScheme', scheme.id);
    const run = await gw.gql<{ runAssessment: Json }>(
      `mutation($i: RunAssessmentInput!) { runAssessment(input: $i) { run { id } userErrors { code } } }`,
      { i: { planId: SECRET_PLAN, schemeId: secretSchemeGid, asOf: AS_OF } },
      admin,
    );
    expect(run.data!.runAssessment.userErrors).toEqual([]);
    const first = assignments[0]!;
    const report = await gw.gql<{ recordProgress: Json }>(
      `mutation($i: RecordProgressInput!) { recordProgress(input: $i) { userErrors { code } } }`,
      {
        i: {
          assignmentId: gid('Assignment', first.id),
          expectedVersion: first.version,
          reportedOn: AS_OF,
          state: 'DONE',
          note: `${MARK}-NOTE`,
        },
      },
      admin,
    );
    expect(report.data!.recordProgress.userErrors).toEqual([]);
    secrets.push(MARK, '绝密〔2020〕1号');
    const rows: [string, { id: string }[]][] = [
      ['Plan', [{ id: SECRET_PLAN }]],
      ['KeyTask', tasks],
      ['Category', categories],
      ['WorkItem', items],
      ['Assignment', assignments],
      ['AssessmentScheme', [scheme]],
      ['AssessmentRun', await p.assessmentRun.findMany({ where: { schemeId: scheme.id } })],
      ['ProgressReport', await p.progressReport.findMany({ where: { assignmentId: first.id } })],
    ];
    for (const [type, list] of rows) for (const r of list) secretIds.push(r.id, gid(type, r.id));
  });
  afterAll(async () => {
    await gw?.close();
  });

  it('walks every public entry point and every reachable node, finding none of the plan’s data', async () => {
    const walk = await walkAsPublic(gw, 'POST', {
      planIds: [SECRET_PLAN, PUBLIC_PLAN],
      schemeIds: [secretSchemeGid, publicSchemeGid],
      probeIds: secretIds.filter((id) => isGlobalId(id)),
    });
    // The walk did reach the data around the secret plan: units carrying its assignments, the public plan.
    expect(walk.types).toEqual(
      expect.arrayContaining(['Plan', 'Unit', 'WorkItem', 'Assignment', 'KeyTask', 'Category']),
    );
    expect(walk.nodes).toBeGreaterThan(100);
    // Every nested list was read whole (root lists longer than a page are reached node by node too).
    expect(walk.incomplete.filter((path) => path.split('.').length > 2)).toEqual([]);
    expect(leaks(walk.responses, secrets, secretIds)).toEqual([]);
  });

  it('holds over GET /graphql?query= as well', async () => {
    const { data: unit } = await gw.gql<{ unit: Json }>(`{ unit(id: "gov-office") { id } }`);
    const query = `{ unit(id: "gov-office") { assignments(first: 100) { edges { node { id workItem { id content keyTask { title plan { id title sourceText } } } } } } } }`;
    const response = await gw.yoga.fetch(`http://yoga/graphql?query=${encodeURIComponent(query)}`, {
      headers: { accept: 'application/graphql-response+json' },
    });
    const text = await response.text();
    expect(unit!.unit).not.toBeNull();
    // The public plan's data is there, the secret plan's is not.
    expect(text.includes(gid('Plan', PUBLIC_PLAN))).toBe(true);
    expect([...secrets, ...secretIds].filter((secret) => text.includes(secret))).toEqual([]);
    const walk = await walkAsPublic(gw, 'GET', {
      planIds: [SECRET_PLAN],
      schemeIds: [secretSchemeGid],
      probeIds: secretIds.filter((id) => isGlobalId(id)).slice(0, 40),
      rootsOnly: true,
    });
    expect(walk.responses.length).toBeGreaterThan(20);
    expect(leaks(walk.responses, secrets, secretIds)).toEqual([]);
  });
});

/** Each response that shows a secret (anywhere) or a secret row's id (in its data): query and what leaked. */
function leaks(
  responses: readonly { query: string; body: Json }[],
  secrets: readonly string[],
  ids: readonly string[],
) {
  const found: { query: string; leaked: string[] }[] = [];
  for (const { query, body } of responses) {
    const text = JSON.stringify(body);
    const data = JSON.stringify(body.data ?? null);
    const leaked = [...secrets.filter((s) => text.includes(s)), ...ids.filter((id) => data.includes(id))];
    if (leaked.length > 0) found.push({ query: query.slice(0, 160), leaked: leaked.slice(0, 5) });
  }
  return found.slice(0, 5);
}

function isGlobalId(id: string): boolean {
  try {
    return /^[A-Za-z]+:/.test(Buffer.from(id, 'base64').toString('utf8'));
  } catch {
    return false;
  }
}

interface WalkOptions {
  readonly planIds: readonly string[];
  readonly schemeIds: readonly string[];
  /** Global ids tried with node(id) and nodes(ids:) as an attacker would guess them. */
  readonly probeIds: readonly string[];
  /** Only the root fields (and probes), no node-by-node crawl. */
  readonly rootsOnly?: boolean;
}

interface Walk {
  readonly responses: { query: string; body: Json }[];
  readonly types: string[];
  readonly nodes: number;
  /** Connections that had more pages than the walk read (the walk would be incomplete). */
  readonly incomplete: string[];
}

/** The schema walk: introspect, query every root field as PUBLIC, then every node found, field by field. */
async function walkAsPublic(gw: TestGateway, method: 'POST' | 'GET', options: WalkOptions): Promise<Walk> {
  const send = async (query: string): Promise<Json> => {
    const response =
      method === 'POST'
        ? await gw.yoga.fetch('http://yoga/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
            body: JSON.stringify({ query }),
          })
        : await gw.yoga.fetch(`http://yoga/graphql?query=${encodeURIComponent(query)}`, {
            headers: { accept: 'application/graphql-response+json' },
          });
    return response.json();
  };
  const schema = ((await send(getIntrospectionQuery())) as { data: IntrospectionQuery }).data.__schema;
  const types = new Map<string, IntrospectionType>(schema.types.map((t) => [t.name, t]));
  const nodeTypes = new Set(
    schema.types
      .filter(
        (t): t is IntrospectionObjectType =>
          t.kind === 'OBJECT' && t.interfaces.some((i) => i.name === 'Node'),
      )
      .map((t) => t.name),
  );
  const responses: { query: string; body: Json }[] = [];
  const seen = new Map<string, string>(); // global id -> typename
  const fetched = new Set<string>();
  const incomplete: string[] = [];

  const named = (ref: IntrospectionTypeRef): string =>
    ref.kind === 'NON_NULL' || ref.kind === 'LIST'
      ? named((ref as { ofType: IntrospectionTypeRef }).ofType)
      : (ref as { name: string }).name;

  /** A literal for an argument, by name first (the ids and days this database holds), else by type. */
  const literal = (
    arg: IntrospectionInputValue | { name: string; type: IntrospectionTypeRef },
    variant = 0,
  ): string | null => {
    const type = arg.type;
    const list = type.kind === 'LIST' || (type.kind === 'NON_NULL' && type.ofType.kind === 'LIST');
    const base = types.get(named(type))!;
    if (arg.name === 'planId') return JSON.stringify(options.planIds[variant % options.planIds.length]);
    if (arg.name === 'schemeId') return JSON.stringify(options.schemeIds[variant % options.schemeIds.length]);
    if (arg.name === 'asOf') return JSON.stringify(AS_OF);
    if (arg.name === 'first' || arg.name === 'last') return '100';
    if (list && base.kind === 'ENUM') return '[]';
    if (list) return '[]';
    if (base.kind === 'ENUM') return base.enumValues[0]!.name;
    if (base.kind === 'INPUT_OBJECT') {
      const fields = base.inputFields
        .filter((f) => f.type.kind === 'NON_NULL')
        .map((f) => `${f.name}: ${literal(f, variant)}`);
      return `{ ${fields.join(', ')} }`;
    }
    switch (base.name) {
      case 'Int':
        return '1';
      case 'Float':
        return '1';
      case 'Boolean':
        return 'true';
      case 'Date':
        return JSON.stringify(AS_OF);
      default:
        return JSON.stringify('gov-office');
    }
  };
  const argsOf = (field: IntrospectionField, variant = 0): string => {
    const parts = field.args
      .filter((a) => a.type.kind === 'NON_NULL' || a.name === 'first')
      .map((a) => `${a.name}: ${literal(a, variant)}`);
    return parts.length > 0 ? `(${parts.join(', ')})` : '';
  };

  /** The selection of a type: scalars always; objects expanded, nested nodes only by their scalars. */
  const selection = (typeName: string, depth: number, topNode: boolean): string => {
    const type = types.get(typeName)!;
    if (type.kind === 'SCALAR' || type.kind === 'ENUM') return '';
    if (type.kind === 'INTERFACE' || type.kind === 'UNION') {
      const possible = type.possibleTypes.map((p) => p.name);
      return `{ __typename ${possible.map((p) => `... on ${p} ${selection(p, depth, false)}`).join(' ')} }`;
    }
    if (type.kind !== 'OBJECT') return '';
    const isNode = nodeTypes.has(typeName);
    const fields: string[] = ['__typename'];
    for (const field of type.fields) {
      const target = types.get(named(field.type))!;
      const leaf = target.kind === 'SCALAR' || target.kind === 'ENUM';
      if (leaf) fields.push(`${field.name}${argsOf(field)}`);
      else if ((!isNode || topNode) && depth > 0)
        fields.push(`${field.name}${argsOf(field)} ${selection(target.name, depth - 1, false)}`);
    }
    return `{ ${fields.join(' ')} }`;
  };

  /** Records every node in a response (its id and type) and connections with more pages. */
  const collect = (value: Json, path: string): void => {
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) collect(v, `${path}.${i}`);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    if (
      typeof value.__typename === 'string' &&
      nodeTypes.has(value.__typename) &&
      typeof value.id === 'string'
    )
      seen.set(value.id, value.__typename);
    if (value.pageInfo?.hasNextPage === true) incomplete.push(path);
    for (const [k, v] of Object.entries(value)) collect(v, `${path}.${k}`);
  };
  const run = async (query: string) => {
    const body = await send(query);
    responses.push({ query, body });
    collect(body.data, '');
  };

  // 1. Every root field of Query, with each plan id and scheme id for the arguments that take one.
  const query = types.get(schema.queryType.name) as IntrospectionObjectType;
  for (const field of query.fields) {
    if (field.name === 'node' || field.name === 'nodes') continue;
    const target = named(field.type);
    const variants = field.args.some((a) => a.name === 'planId' || a.name === 'schemeId')
      ? Math.max(options.planIds.length, options.schemeIds.length)
      : 1;
    for (let v = 0; v < variants; v++)
      await run(`{ ${field.name}${argsOf(field, v)} ${selection(target, NESTED_DEPTH, true)} }`);
  }
  // 2. Guessed ids: node(id) and nodes(ids:) of every row of the secret plan.
  for (const id of options.probeIds)
    await run(`{ node(id: ${JSON.stringify(id)}) ${selection('Node', NESTED_DEPTH, false)} }`);
  for (let i = 0; i < options.probeIds.length; i += BATCH)
    await run(
      `{ nodes(ids: ${JSON.stringify(options.probeIds.slice(i, i + BATCH))}) ${selection('Node', NESTED_DEPTH, false)} }`,
    );
  // 3. Every node found, fetched whole (every field, objects expanded), until no new node appears.
  if (!options.rootsOnly) {
    for (;;) {
      const pending = [...seen].filter(([id]) => !fetched.has(id));
      if (pending.length === 0) break;
      const byType = new Map<string, string[]>();
      for (const [id, type] of pending) {
        fetched.add(id);
        byType.set(type, [...(byType.get(type) ?? []), id]);
      }
      for (const [type, ids] of byType)
        for (let i = 0; i < ids.length; i += BATCH)
          await run(
            `{ nodes(ids: ${JSON.stringify(ids.slice(i, i + BATCH))}) { __typename ... on ${type} ${selection(type, NESTED_DEPTH, true)} } }`,
          );
    }
  }
  return { responses, types: [...new Set(seen.values())], nodes: seen.size, incomplete };
}
