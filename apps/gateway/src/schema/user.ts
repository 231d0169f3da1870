import type { User } from '@qxg/db';
import { PERMISSION_SCOPES, type Permission, type Scopes, scopeOf, scopesOf } from '../auth-scopes';
import { builder } from '../builder';
import { loadNodes } from '../loaders';
import { writeAudit } from '../services/audit';
import { pageAuditLog } from '../services/audit-log';
import { generatePassword } from '../services/passwords';
import { createUserRow } from '../services/users';
import { page, RoleEnum } from './common';
import { payloadType, refused, runMutation, viewerOf } from './mutation-kit';
import { AuditEntryConnection, AuditEntryRef, UnitRef, UserConnection, UserRef } from './refs';

const ViewerPermissions = builder.objectRef<Scopes>('ViewerPermissions').implement({
  description:
    'What this user may do, from the same scope rules that guard the fields (auth-scopes.ts): the admin app shows or hides its actions by these.',
  fields: (t) =>
    Object.fromEntries(
      (Object.keys(PERMISSION_SCOPES) as Permission[]).map((permission) => [
        permission,
        t.boolean({
          description: `Scope \`${PERMISSION_SCOPES[permission]}\`.`,
          resolve: (scopes) => scopes[PERMISSION_SCOPES[permission]],
        }),
      ]),
    ) as Record<Permission, ReturnType<typeof t.boolean>>,
});

builder.node(UserRef, {
  description:
    'A person who signs in. Visible to signed-in staff where it is reached (a report’s author); listing users is for ADMINs; anonymous visitors see none.',
  id: { resolve: (u) => u.id },
  // Staff read who wrote a report (the work item page shows it). `$granted: 'self'`: a field that
  // returns the user who has just proven who they are (the `login` payload, whose request is still
  // anonymous) grants it.
  authScopes: (_u, ctx) => ctx.viewer != null || { $granted: 'self' },
  loadMany: (ids, ctx) => loadNodes(ctx.loaders.user, ids),
  fields: (t) => ({
    username: t.exposeString('username'),
    role: t.field({ type: RoleEnum, resolve: (u) => u.role }),
    unit: t.field({
      type: UnitRef,
      nullable: true,
      description: 'The unit a REPORTER writes for.',
      resolve: (u, _a, ctx) => (u.unitId ? ctx.loaders.unit.load(u.unitId) : null),
    }),
    disabled: t.exposeBoolean('disabled'),
    can: t.field({
      type: ViewerPermissions,
      description: 'What this user may do (on `me`: the viewer).',
      resolve: (u, _a, ctx) => scopesOf(u, ctx.loaders),
    }),
    createdAt: t.field({ type: 'DateTime', resolve: (u) => u.createdAt }),
  }),
});

builder.node(AuditEntryRef, {
  description: 'One mutation, as recorded in the same transaction: who, when, what, before and after.',
  id: { resolve: (e) => e.id },
  authScopes: { admin: true },
  loadMany: (ids, ctx) =>
    ctx.prisma.auditEntry.findMany({ where: { id: { in: [...ids] } } }).then((rows) => {
      const map = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => map.get(id) ?? null);
    }),
  fields: (t) => ({
    at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
    action: t.exposeString('action'),
    entityType: t.exposeString('entityType'),
    entityId: t.exposeString('entityId'),
    before: t.field({ type: 'JSON', nullable: true, resolve: (e) => e.before }),
    after: t.field({ type: 'JSON', nullable: true, resolve: (e) => e.after }),
    actor: t.field({
      type: UserRef,
      nullable: true,
      resolve: (e, _a, ctx) => (e.actorId ? ctx.loaders.user.load(e.actorId) : null),
    }),
  }),
});

builder.queryFields((t) => ({
  me: t.field({
    type: UserRef,
    nullable: true,
    description: 'The signed-in user, null when anonymous.',
    resolve: (_r, _a, ctx) => (ctx.viewer ? ctx.loaders.user.load(ctx.viewer.id) : null),
  }),
  users: t.connection(
    {
      type: UserRef,
      authScopes: scopeOf('manageUsers'),
      resolve: async (_r, args, ctx) =>
        page(args, await ctx.prisma.user.findMany({ orderBy: { username: 'asc' } })),
    },
    UserConnection,
  ),
  auditLog: t.connection(
    {
      type: AuditEntryRef,
      description:
        'Newest first, paged by cursor (`first` ≤ 100, `after`) back to the very first entry. Forward only. ADMIN only.',
      authScopes: scopeOf('viewAudit'),
      args: { entityType: t.arg.string(), entityId: t.arg.string(), action: t.arg.string() },
      resolve: (_r, args, ctx) => pageAuditLog(ctx.prisma, args),
    },
    AuditEntryConnection,
  ),
}));

const CreateUserInput = builder.inputType('CreateUserInput', {
  fields: (t) => ({
    username: t.string({ required: true }),
    role: t.field({ type: RoleEnum, required: true }),
    unitId: t.string({ description: 'Required for REPORTER: the unit they write for.' }),
  }),
});

const CreateUserPayload = payloadType<{ user: User | null; password: string | null }>(
  'CreateUserPayload',
  (t) => ({
    user: t.field({ type: UserRef, nullable: true, resolve: (p) => p.user }),
    password: t.string({
      nullable: true,
      description: 'The one-time password: shown once, only its hash is stored.',
      resolve: (p) => p.password,
    }),
  }),
);

builder.mutationFields((t) => ({
  createUser: t.field({
    type: CreateUserPayload,
    description: 'ADMIN: adds a user with a one-time password (returned once).',
    authScopes: scopeOf('manageUsers'),
    unauthorizedResolver: refused({ user: null, password: null }),
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      runMutation(ctx, { user: null, password: null }, async (tx) => {
        const viewer = viewerOf(ctx);
        const password = generatePassword();
        const user = await createUserRow(tx, { ...input, unitId: input.unitId ?? null, password });
        await writeAudit(tx, {
          actorId: viewer.id,
          action: 'createUser',
          entityType: 'User',
          entityId: user.id,
          after: { username: user.username, role: user.role, unitId: user.unitId },
        });
        return { user, password };
      }),
  }),
}));
