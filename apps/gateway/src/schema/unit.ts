import { builder } from '../builder';
import { loadNodes } from '../loaders';
import { page, UnitKindEnum } from './common';
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
