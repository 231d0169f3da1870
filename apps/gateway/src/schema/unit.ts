import type { Unit } from '@qxg/db';
import { repairUnitRegistry, searchUnitNames, unitNameKey } from '@qxg/disclosure-core';
import { scopeOf } from '../auth-scopes';
import { builder } from '../builder';
import { loadNodes } from '../loaders';
import { importUnitRows } from '../services/unit-import';
import { type MergeCounts, mergeUnitRows } from '../services/unit-merge';
import { addUnitAliasRow, createUnitRow, storedUnits, updateUnitRow } from '../services/units';
import { inputMutation } from './admin-mutation';
import { page, UnitKindEnum } from './common';
import { payloadType } from './mutation-kit';
import { AssignmentConnection, AssignmentRef, UnitConnection, UnitRef } from './refs';
import { LocalizedText } from './user-errors';

builder.node(UnitRef, {
  description: 'A government body plans assign work to (区农业农村局, a 乡镇 …).',
  id: { resolve: (u) => u.id },
  loadMany: (ids, ctx) => loadNodes(ctx.loaders.unit, ids),
  fields: (t) => ({
    key: t.exposeString('id', { description: 'The stable registry id, e.g. `gov-office`.' }),
    name: t.exposeString('canonicalName', { description: 'Canonical name, e.g. 区农业农村局.' }),
    kind: t.field({ type: UnitKindEnum, resolve: (u) => u.kind }),
    aliases: t.stringList({
      resolve: async (u, _a, ctx) => (await ctx.loaders.aliasesOfUnit.load(u.id)).map((a) => a.alias),
    }),
    parent: t.field({
      type: UnitRef,
      nullable: true,
      resolve: (u, _a, ctx) => (u.parentId ? ctx.loaders.unit.load(u.parentId) : null),
    }),
    children: t.field({ type: [UnitRef], resolve: (u, _a, ctx) => ctx.loaders.childrenOfUnit.load(u.id) }),
    assignments: t.connection(
      {
        type: AssignmentRef,
        description: 'This unit’s duties across all plans.',
        resolve: async (u, args, ctx) => page(args, await ctx.loaders.assignmentsOfUnit.load(u.id)),
      },
      AssignmentConnection,
    ),
  }),
});

const RegistryProblem = builder
  .objectRef<{ code: string; message: { zh: string; en: string }; path: string }>('UnitRegistryProblem')
  .implement({
    description: 'A rule the stored unit registry breaks, and how reads work around it.',
    fields: (t) => ({
      code: t.exposeString('code', {
        description: 'The core’s RegistryIssueCode (ambiguous_name, parent_cycle …).',
      }),
      message: t.field({ type: LocalizedText, resolve: (p) => p.message }),
      path: t.exposeString('path', {
        description: 'The unit (and field) concerned, e.g. `qxg-edu.aliases`.',
      }),
    }),
  });

builder.queryFields((t) => ({
  units: t.connection(
    {
      type: UnitRef,
      description:
        'The unit registry, by kind then id. `search` finds units by name, alias or id (ignoring blanks and full-width forms), also by abbreviation (区教育局 and 教科局 find 区教育科技局): exact matches first, then names containing the text, then abbreviations (the core’s `searchUnitNames`).',
      args: { kind: t.arg({ type: UnitKindEnum }), search: t.arg.string() },
      resolve: async (_r, args, ctx) => {
        const units = await ctx.prisma.unit.findMany({
          where: args.kind ? { kind: args.kind } : {},
          include: { aliases: true },
          orderBy: [{ kind: 'asc' }, { id: 'asc' }],
        });
        const rows = units.map(({ aliases, ...u }) => {
          ctx.loaders.aliasesOfUnit.prime(u.id, aliases);
          return { row: u, id: u.id, name: u.canonicalName, aliases: aliases.map((a) => a.alias) };
        });
        const hits = args.search?.trim() ? searchUnitNames(rows, args.search).map((h) => h.unit) : rows;
        return page(
          args,
          hits.map((h) => h.row),
        );
      },
    },
    UnitConnection,
  ),
  unit: t.field({
    type: UnitRef,
    nullable: true,
    description:
      'A unit by its stable id or any of its names/aliases (compared without blanks, full-width forms as half-width).',
    args: { id: t.arg.string({ required: true }) },
    resolve: async (_r, { id }, ctx) => {
      const byId = await ctx.loaders.unit.load(id);
      if (byId) return byId;
      const byName = await ctx.prisma.unit.findFirst({
        where: { OR: [{ canonicalName: id }, { aliases: { some: { alias: id } } }] },
      });
      if (byName) return byName;
      const key = unitNameKey(id);
      const match = (await storedUnits(ctx.prisma)).find((u) =>
        [u.name, ...(u.aliases ?? [])].some((n) => unitNameKey(n) === key),
      );
      return match ? ctx.loaders.unit.load(match.id) : null;
    },
  }),
  unitRegistryProblems: t.field({
    type: [RegistryProblem],
    description:
      'ADMIN: what the stored registry breaks (a name twice, a parent loop …), as the reads repair it (they never fail on it). Empty for a clean registry; edit the units named to fix them.',
    authScopes: scopeOf('manageUnits'),
    resolve: async (_r, _a, ctx) =>
      repairUnitRegistry(await storedUnits(ctx.prisma)).repairs.map((r) => ({
        code: r.code,
        message: r.message,
        path: r.location?.path ?? '',
      })),
  }),
}));

const UpsertUnitInput = builder.inputType('UpsertUnitInput', {
  description:
    'Creates a unit, or changes one: a field left out keeps its value (a missing `parentId` keeps the parent; `null` clears it).',
  fields: (t) => ({
    id: t.string({ required: true, description: 'Stable lower-case id, e.g. `qxg-agriculture`.' }),
    name: t.string({ required: true }),
    kind: t.field({ type: UnitKindEnum, required: true }),
    parentId: t.string({ description: 'Left out: kept (a new unit has none); null: no parent.' }),
  }),
});

const UpdateUnitInput = builder.inputType('UpdateUnitInput', {
  description: 'Only the fields given change; a field left out keeps its value.',
  fields: (t) => ({
    id: t.string({ required: true, description: 'The unit’s stable id (`key`).' }),
    name: t.string({ description: 'A new canonical name; the old one stays as an alias.' }),
    kind: t.field({ type: UnitKindEnum }),
    parentId: t.string({ description: 'Left out: kept; null: no parent; an id: that parent (no loops).' }),
    aliases: t.stringList({
      description:
        'The full list of aliases (replaces the stored ones; a renamed unit keeps its old name too).',
    }),
  }),
});

const AddUnitAliasInput = builder.inputType('AddUnitAliasInput', {
  fields: (t) => ({ unitId: t.string({ required: true }), alias: t.string({ required: true }) }),
});

const MergeUnitsInput = builder.inputType('MergeUnitsInput', {
  fields: (t) => ({
    keepId: t.string({ required: true, description: 'The unit that stays.' }),
    mergeId: t.string({ required: true, description: 'The unit merged into it and deleted.' }),
  }),
});

const ImportUnitInput = builder.inputType('ImportUnitInput', {
  fields: (t) => ({
    id: t.string({ required: true }),
    name: t.string({ required: true }),
    kind: t.field({ type: UnitKindEnum, required: true }),
    parentId: t.string({ description: 'Blank or null: no parent.' }),
    aliases: t.stringList(),
  }),
});

const ImportUnitsInput = builder.inputType('ImportUnitsInput', {
  fields: (t) => ({ units: t.field({ type: [ImportUnitInput], required: true }) }),
});

const unitPayload = (name: string) =>
  payloadType<{ unit: Unit | null }>(name, (t) => ({
    unit: t.field({ type: UnitRef, nullable: true, resolve: (p) => p.unit }),
  }));
const UpsertUnitPayload = unitPayload('UpsertUnitPayload');
const UpdateUnitPayload = unitPayload('UpdateUnitPayload');
const AddUnitAliasPayload = unitPayload('AddUnitAliasPayload');

const MergeCountsRef = builder.objectRef<MergeCounts>('UnitMergeCounts').implement({
  description: 'What a merge moved to the kept unit.',
  fields: (t) => ({
    assignments: t.exposeInt('assignments', { description: 'Assignments moved as they were.' }),
    folded: t.exposeInt('folded', {
      description: 'Duplicate assignments (same work item) folded into the kept one, reports moved.',
    }),
    reports: t.exposeInt('reports', { description: 'Reports moved with folded assignments.' }),
    users: t.exposeInt('users'),
    events: t.exposeInt('events'),
    manualScores: t.exposeInt('manualScores'),
    manualScoresDropped: t.exposeInt('manualScoresDropped', {
      description: 'Manual scores dropped: the kept unit has its own for the scheme and indicator.',
    }),
    children: t.exposeInt('children'),
  }),
});

const MergeUnitsPayload = payloadType<{ unit: Unit | null; moved: MergeCounts | null }>(
  'MergeUnitsPayload',
  (t) => ({
    unit: t.field({ type: UnitRef, nullable: true, resolve: (p) => p.unit }),
    moved: t.field({ type: MergeCountsRef, nullable: true, resolve: (p) => p.moved }),
  }),
);

const ImportUnitsPayload = payloadType<{ created: string[] | null; updated: string[] | null }>(
  'ImportUnitsPayload',
  (t) => ({
    created: t.stringList({ nullable: true, description: 'Ids of new units.', resolve: (p) => p.created }),
    updated: t.stringList({
      nullable: true,
      description: 'Ids of changed units.',
      resolve: (p) => p.updated,
    }),
  }),
);

builder.mutationFields((t) => ({
  upsertUnit: inputMutation(t, {
    type: UpsertUnitPayload,
    input: UpsertUnitInput,
    permission: 'manageUnits',
    description:
      'ADMIN: creates a unit or renames / re-kinds / re-parents it. A missing `parentId` keeps the parent; a rename keeps the old name as an alias; the registry rules of `updateUnit` apply.',
    empty: { unit: null },
    run: async (tx, input, viewer) => {
      const exists = await tx.unit.findUnique({ where: { id: input.id } });
      const unit = exists
        ? await updateUnitRow(
            tx,
            viewer.id,
            { id: input.id, name: input.name, kind: input.kind, parentId: input.parentId },
            'upsertUnit',
          )
        : await createUnitRow(tx, viewer.id, input, 'upsertUnit');
      return { unit };
    },
  }),
  updateUnit: inputMutation(t, {
    type: UpdateUnitPayload,
    input: UpdateUnitInput,
    permission: 'manageUnits',
    description:
      'ADMIN: changes a unit’s name, kind, parent or aliases; fields left out keep their values. A new name keeps the old one as an alias. Names and aliases are unique across units after NFKC and without blanks (NAME_TAKEN, ALIAS_TAKEN), parents form no loop (PARENT_CYCLE). Audited with before and after.',
    empty: { unit: null },
    run: async (tx, input, viewer) => ({
      unit: await updateUnitRow(tx, viewer.id, input),
    }),
  }),
  addUnitAlias: inputMutation(t, {
    type: AddUnitAliasPayload,
    input: AddUnitAliasInput,
    permission: 'manageUnits',
    description:
      'ADMIN: another name plans may use for a unit; unique across units (after NFKC, without blanks).',
    empty: { unit: null },
    run: async (tx, input, viewer) => ({
      unit: await addUnitAliasRow(tx, viewer.id, input.unitId, input.alias),
    }),
  }),
  mergeUnits: inputMutation(t, {
    type: MergeUnitsPayload,
    input: MergeUnitsInput,
    permission: 'manageUnits',
    description:
      'ADMIN: merges `mergeId` into `keepId` in one transaction: assignments, reports, users, events and manual scores move to the kept unit, children are re-parented, the merged unit’s names become aliases, the merged unit is deleted. A duty both had on one work item is folded into the kept unit’s (reports moved; a lead duty wins over a responsible one). Audited.',
    empty: { unit: null, moved: null },
    run: (tx, input, viewer) => mergeUnitRows(tx, viewer.id, input.keepId, input.mergeId),
  }),
  importUnits: inputMutation(t, {
    type: ImportUnitsPayload,
    input: ImportUnitsInput,
    permission: 'manageUnits',
    description:
      'ADMIN: imports a unit registry (the rows of the XLSX the app reads with @qxg/plan-io): new ids created, known ones updated (aliases only added; a rename keeps the old name). All or nothing; errors name the row. Audited.',
    empty: { created: null, updated: null },
    run: (tx, input, viewer) => importUnitRows(tx, viewer.id, input.units),
  }),
}));
