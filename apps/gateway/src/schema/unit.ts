import type { Unit } from '@qxg/db';
import { UNIT_KINDS, type UnitKind } from '@qxg/disclosure-core';
import { scopeOf } from '../auth-scopes';
import { builder } from '../builder';
import { loadNodes } from '../loaders';
import { writeAudit } from '../services/audit';
import { page, UnitKindEnum } from './common';
import { fail, payloadType, refused, runMutation, viewerOf } from './mutation-kit';
import { AssignmentConnection, AssignmentRef, UnitConnection, UnitRef } from './refs';

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

builder.queryFields((t) => ({
  units: t.connection(
    {
      type: UnitRef,
      description: 'The unit registry, by kind then id.',
      args: { kind: t.arg({ type: UnitKindEnum }), search: t.arg.string() },
      resolve: async (_r, args, ctx) => {
        const units = await ctx.prisma.unit.findMany({
          where: args.kind ? { kind: args.kind } : {},
          include: { aliases: true },
          orderBy: [{ kind: 'asc' }, { id: 'asc' }],
        });
        const q = args.search?.trim();
        const hits = q
          ? units.filter(
              (u) =>
                u.canonicalName.includes(q) || u.id.includes(q) || u.aliases.some((a) => a.alias.includes(q)),
            )
          : units;
        return page(
          args,
          hits.map(({ aliases, ...u }) => {
            ctx.loaders.aliasesOfUnit.prime(u.id, aliases);
            return u;
          }),
        );
      },
    },
    UnitConnection,
  ),
  unit: t.field({
    type: UnitRef,
    nullable: true,
    description: 'A unit by its stable id or any of its names/aliases.',
    args: { id: t.arg.string({ required: true }) },
    resolve: async (_r, { id }, ctx) => {
      const byId = await ctx.loaders.unit.load(id);
      if (byId) return byId;
      const byName = await ctx.prisma.unit.findFirst({
        where: { OR: [{ canonicalName: id }, { aliases: { some: { alias: id } } }] },
      });
      return byName;
    },
  }),
}));

const UpsertUnitInput = builder.inputType('UpsertUnitInput', {
  fields: (t) => ({
    id: t.string({ required: true, description: 'Stable lower-case id, e.g. `qxg-agriculture`.' }),
    name: t.string({ required: true }),
    kind: t.field({ type: UnitKindEnum, required: true }),
    parentId: t.string(),
  }),
});

const AddUnitAliasInput = builder.inputType('AddUnitAliasInput', {
  fields: (t) => ({ unitId: t.string({ required: true }), alias: t.string({ required: true }) }),
});

const unitPayload = (name: string) =>
  payloadType<{ unit: Unit | null }>(name, (t) => ({
    unit: t.field({ type: UnitRef, nullable: true, resolve: (p) => p.unit }),
  }));
const UpsertUnitPayload = unitPayload('UpsertUnitPayload');
const AddUnitAliasPayload = unitPayload('AddUnitAliasPayload');

builder.mutationFields((t) => ({
  upsertUnit: t.field({
    type: UpsertUnitPayload,
    description: 'ADMIN: creates a unit or renames / re-kinds / re-parents it.',
    authScopes: scopeOf('manageUnits'),
    unauthorizedResolver: refused({ unit: null }),
    args: { input: t.arg({ type: UpsertUnitInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      runMutation(ctx, { unit: null }, async (tx) => {
        const viewer = viewerOf(ctx);
        if (!/^[a-z0-9][a-z0-9._-]*$/.test(input.id)) {
          fail(
            'INVALID_ID',
            { zh: '单位标识须为小写字母、数字和连字符。', en: 'Unit ids are lower-case slugs.' },
            ['id'],
          );
        }
        if (input.name.trim() === '')
          fail('EMPTY_NAME', { zh: '单位名称不能为空。', en: 'A unit needs a name.' }, ['name']);
        if (!UNIT_KINDS.includes(input.kind as UnitKind))
          fail('UNKNOWN_KIND', { zh: '未知单位类别。', en: 'Unknown kind.' }, ['kind']);
        if (input.parentId) {
          if (input.parentId === input.id)
            fail('PARENT_CYCLE', { zh: '单位不能隶属于自身。', en: 'A unit cannot be its own parent.' }, [
              'parentId',
            ]);
          if (!(await tx.unit.findUnique({ where: { id: input.parentId } }))) {
            fail('UNKNOWN_UNIT', { zh: `找不到单位${input.parentId}`, en: `No unit ${input.parentId}` }, [
              'parentId',
            ]);
          }
        }
        const clash = await tx.unit.findUnique({ where: { canonicalName: input.name } });
        if (clash && clash.id !== input.id) {
          fail(
            'NAME_TAKEN',
            { zh: `名称“${input.name}”已属于单位${clash.id}。`, en: `${input.name} is unit ${clash.id}.` },
            ['name'],
          );
        }
        const before = await tx.unit.findUnique({ where: { id: input.id } });
        const data = { canonicalName: input.name, kind: input.kind, parentId: input.parentId ?? null };
        const unit = before
          ? await tx.unit.update({ where: { id: input.id }, data })
          : await tx.unit.create({ data: { id: input.id, ...data } });
        await writeAudit(tx, {
          actorId: viewer.id,
          action: 'upsertUnit',
          entityType: 'Unit',
          entityId: unit.id,
          ...(before ? { before } : {}),
          after: unit,
        });
        return { unit };
      }),
  }),
  addUnitAlias: t.field({
    type: AddUnitAliasPayload,
    description: 'ADMIN: another name plans may use for a unit; unique across units.',
    authScopes: scopeOf('manageUnits'),
    unauthorizedResolver: refused({ unit: null }),
    args: { input: t.arg({ type: AddUnitAliasInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      runMutation(ctx, { unit: null }, async (tx) => {
        const viewer = viewerOf(ctx);
        const alias = input.alias.trim();
        if (alias === '') fail('EMPTY_ALIAS', { zh: '别名不能为空。', en: 'The alias is empty.' }, ['alias']);
        const unit = await tx.unit.findUnique({ where: { id: input.unitId } });
        if (!unit)
          fail('UNKNOWN_UNIT', { zh: `找不到单位${input.unitId}`, en: `No unit ${input.unitId}` }, [
            'unitId',
          ]);
        const taken = await tx.unitAlias.findUnique({ where: { alias } });
        const nameClash = await tx.unit.findUnique({ where: { canonicalName: alias } });
        if ((taken && taken.unitId !== unit.id) || (nameClash && nameClash.id !== unit.id)) {
          fail(
            'ALIAS_TAKEN',
            { zh: `“${alias}”已是其他单位的名称。`, en: `“${alias}” already names another unit.` },
            ['alias'],
          );
        }
        if (!taken) {
          const row = await tx.unitAlias.create({ data: { alias, unitId: unit.id } });
          await writeAudit(tx, {
            actorId: viewer.id,
            action: 'addUnitAlias',
            entityType: 'Unit',
            entityId: unit.id,
            after: row,
          });
        }
        return { unit };
      }),
  }),
}));
