import type { Session, User } from '@qxg/db';
import { PERMISSION_SCOPES, type Permission, type Scopes, scopeOf, scopesOf } from '../auth-scopes';
import { builder } from '../builder';
import type { Context } from '../context';
import { loadNodes } from '../loaders';
import { writeAudit } from '../services/audit';
import { generatePassword } from '../services/passwords';
import { createUserRow, resetPasswordRow, setUserDisabledRow, updateUserRow } from '../services/users';
import { inputMutation } from './admin-mutation';
import { page, RoleEnum } from './common';
import { fail, payloadType, rawId, refused, runMutation, viewerOf } from './mutation-kit';
import { UnitRef, UserConnection, UserRef } from './refs';

/** The user may see this user's sessions: themself, or an ADMIN. */
const mayManage = (ctx: Context, userId: string) => ctx.viewer?.id === userId || ctx.viewer?.role === 'ADMIN';

/** A User id as given: its Relay global id, or the raw id. */
const userIdOf = (id: string | number) => rawId(String(id), 'User') ?? String(id);

const SessionRef = builder.objectRef<Session>('Session').implement({
  description:
    'A signed-in session (a bearer token; only its hash is stored). Seen by its user and by ADMINs.',
  fields: (t) => ({
    id: t.exposeString('id', { description: 'The session’s id (for `revokeSession`).' }),
    createdAt: t.field({ type: 'DateTime', resolve: (s) => s.createdAt }),
    expiresAt: t.field({ type: 'DateTime', resolve: (s) => s.expiresAt }),
    lastSeenAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'The last request made with it (written at most every 5 minutes).',
      resolve: (s) => s.lastSeenAt,
    }),
    userAgent: t.exposeString('userAgent', { nullable: true, description: 'The browser at sign-in.' }),
    address: t.exposeString('address', { nullable: true, description: 'The client’s address at sign-in.' }),
    current: t.boolean({
      description: 'True for the session of this request.',
      resolve: (s, _a, ctx) => s.id === ctx.sessionId,
    }),
  }),
});

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
    mustChangePassword: t.exposeBoolean('mustChangePassword', {
      description:
        'Signed in with a one-time password: until `changePassword`, only `me`, `changePassword` and `logout` answer (PASSWORD_CHANGE_REQUIRED).',
    }),
    sessions: t.field({
      type: [SessionRef],
      nullable: true,
      description:
        'The user’s unexpired sessions, newest first (null unless the viewer is this user or an ADMIN).',
      resolve: (u, _a, ctx) =>
        mayManage(ctx, u.id)
          ? ctx.prisma.session.findMany({
              where: { userId: u.id, expiresAt: { gt: ctx.now } },
              orderBy: { createdAt: 'desc' },
              take: 100,
            })
          : null,
    }),
    can: t.field({
      type: ViewerPermissions,
      description: 'What this user may do (on `me`: the viewer).',
      resolve: (u, _a, ctx) => scopesOf(u, ctx.loaders),
    }),
    createdAt: t.field({ type: 'DateTime', resolve: (u) => u.createdAt }),
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

const UserIdInput = builder.inputType('UserIdInput', {
  fields: (t) => ({ userId: t.id({ required: true, description: 'The User’s id.' }) }),
});

const UpdateUserInput = builder.inputType('UpdateUserInput', {
  description: 'Only the fields given change.',
  fields: (t) => ({
    userId: t.id({ required: true }),
    role: t.field({ type: RoleEnum }),
    unitId: t.string({ description: 'The unit key a REPORTER writes for; null: none.' }),
  }),
});

const RevokeSessionInput = builder.inputType('RevokeSessionInput', {
  fields: (t) => ({ sessionId: t.string({ required: true }) }),
});

const UserPayload = payloadType<{ user: User | null }>('UserPayload', (t) => ({
  user: t.field({ type: UserRef, nullable: true, resolve: (p) => p.user }),
}));

const RevokeSessionPayload = payloadType<{ revoked: boolean | null }>('RevokeSessionPayload', (t) => ({
  revoked: t.boolean({ resolve: (p) => p.revoked === true }),
}));

builder.mutationFields((t) => ({
  createUser: inputMutation(t, {
    type: CreateUserPayload,
    input: CreateUserInput,
    permission: 'manageUsers',
    description:
      'ADMIN: adds a user with a one-time password (returned once), to be changed at the first sign-in.',
    empty: { user: null, password: null },
    run: async (tx, input, viewer) => {
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
    },
  }),
  updateUser: inputMutation(t, {
    type: UserPayload,
    input: UpdateUserInput,
    permission: 'manageUsers',
    description:
      'ADMIN: changes a user’s role and/or unit; a field left out keeps its value. A REPORTER needs a unit, other roles have none; the last enabled ADMIN keeps the role (LAST_ADMIN). Audited.',
    empty: { user: null },
    run: async (tx, input, viewer) => ({
      user: await updateUserRow(tx, viewer.id, {
        userId: userIdOf(input.userId),
        role: input.role,
        unitId: input.unitId,
      }),
    }),
  }),
  resetPassword: inputMutation(t, {
    type: CreateUserPayload,
    input: UserIdInput,
    permission: 'manageUsers',
    description:
      'ADMIN: gives the user a new one-time password (returned once; changed at the next sign-in) and ends all their sessions. Audited (never the password).',
    empty: { user: null, password: null },
    run: async (tx, input, viewer) => {
      const password = generatePassword();
      const user = await resetPasswordRow(tx, viewer.id, userIdOf(input.userId), password);
      return { user, password };
    },
  }),
  disableUser: inputMutation(t, {
    type: UserPayload,
    input: UserIdInput,
    permission: 'manageUsers',
    description:
      'ADMIN: disables a user: every session of theirs ends at once and sign-in is refused. Not oneself, not the last enabled ADMIN. Audited.',
    empty: { user: null },
    run: async (tx, input, viewer) => ({
      user: await setUserDisabledRow(tx, viewer.id, userIdOf(input.userId), true),
    }),
  }),
  enableUser: inputMutation(t, {
    type: UserPayload,
    input: UserIdInput,
    permission: 'manageUsers',
    description: 'ADMIN: lets a disabled user sign in again. Audited.',
    empty: { user: null },
    run: async (tx, input, viewer) => ({
      user: await setUserDisabledRow(tx, viewer.id, userIdOf(input.userId), false),
    }),
  }),
  revokeSession: t.field({
    type: RevokeSessionPayload,
    description:
      'Ends a session at once: one’s own (any signed-in user), anyone’s (ADMIN). Ending the current session signs out. Audited.',
    authScopes: { loggedIn: true },
    unauthorizedResolver: refused({ revoked: null }),
    args: { input: t.arg({ type: RevokeSessionInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      runMutation(ctx, { revoked: null }, async (tx) => {
        const viewer = viewerOf(ctx);
        const session = await tx.session.findUnique({
          where: { id: input.sessionId },
          include: { user: { select: { username: true } } },
        });
        if (!session || !mayManage(ctx, session.userId))
          fail('UNKNOWN_SESSION', { zh: '找不到该会话。', en: 'No such session.' }, ['sessionId']);
        await tx.session.delete({ where: { id: session.id } });
        await writeAudit(tx, {
          actorId: viewer.id,
          action: 'revokeSession',
          entityType: 'User',
          entityId: session.userId,
          before: {
            username: session.user.username,
            userAgent: session.userAgent,
            address: session.address,
            createdAt: session.createdAt,
          },
        });
        return { revoked: true };
      }),
  }),
}));
