import { builder } from '../builder';
import { writeAudit } from '../services/audit';
import { attemptLogin, changePassword } from '../services/login';
import { fail, payloadType, refused, runMutation } from './mutation-kit';
import { UserRef } from './refs';

const LoginInput = builder.inputType('LoginInput', {
  fields: (t) => ({
    username: t.string({ required: true }),
    password: t.string({ required: true }),
  }),
});

interface LoginResult {
  readonly token: string | null;
  readonly expiresAt: Date | null;
  readonly userId: string | null;
  readonly retryAfterSeconds: number | null;
}

const LoginPayload = payloadType<LoginResult>('LoginPayload', (t) => ({
  token: t.string({
    nullable: true,
    description: 'Send it as `Authorization: Bearer <token>`. Only its hash is stored.',
    resolve: (p) => p.token,
  }),
  expiresAt: t.field({ type: 'DateTime', nullable: true, resolve: (p) => p.expiresAt }),
  retryAfterSeconds: t.int({
    nullable: true,
    description:
      'After a refused attempt: seconds to wait before the next one is even checked (null: no wait).',
    resolve: (p) => p.retryAfterSeconds,
  }),
  user: t.field({
    type: UserRef,
    nullable: true,
    description: 'The user who has just signed in (readable although the request itself was anonymous).',
    // Only set after the password was verified: this user may read themself.
    grantScopes: ['self'],
    resolve: (p, _a, ctx) => (p.userId ? ctx.prisma.user.findUnique({ where: { id: p.userId } }) : null),
  }),
}));

const ChangePasswordInput = builder.inputType('ChangePasswordInput', {
  fields: (t) => ({
    currentPassword: t.string({ required: true }),
    newPassword: t.string({
      required: true,
      description: 'At least 10 characters, not containing the username, not one repeated character.',
    }),
  }),
});

const ChangePasswordPayload = payloadType<{ changed: boolean | null }>('ChangePasswordPayload', (t) => ({
  changed: t.boolean({ resolve: (p) => p.changed === true }),
}));

const LogoutPayload = payloadType<{ loggedOut: boolean | null }>('LogoutPayload', (t) => ({
  loggedOut: t.boolean({ resolve: (p) => p.loggedOut === true }),
}));

builder.mutationFields((t) => ({
  login: t.field({
    type: LoginPayload,
    description:
      'Exchanges a username and password for a bearer session token. Failed attempts are throttled per username and per client address (LOGIN_THROTTLED, see docs/security.md) and audited (`loginFailed`).',
    args: { input: t.arg({ type: LoginInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      const outcome = await attemptLogin(ctx, input);
      if (outcome.ok) return { ...outcome, retryAfterSeconds: null, userErrors: [] };
      return {
        token: null,
        expiresAt: null,
        userId: null,
        retryAfterSeconds: outcome.retryAfterSeconds,
        userErrors: [outcome.error],
      };
    },
  }),
  changePassword: t.field({
    type: ChangePasswordPayload,
    description:
      'The signed-in user sets a new password (the password policy applies: WEAK_PASSWORD). Their other sessions end; this one stays.',
    authScopes: { loggedIn: true },
    unauthorizedResolver: refused({ changed: null }),
    args: { input: t.arg({ type: ChangePasswordInput, required: true }) },
    resolve: (_r, { input }, ctx) => changePassword(ctx, input),
  }),
  logout: t.field({
    type: LogoutPayload,
    description: 'Ends the current session (its token stops working).',
    authScopes: { loggedIn: true },
    unauthorizedResolver: refused({ loggedOut: null }),
    resolve: (_r, _a, ctx) =>
      runMutation(ctx, { loggedOut: null }, async (tx) => {
        if (!ctx.viewer || !ctx.sessionId)
          fail('UNAUTHENTICATED', { zh: '尚未登录。', en: 'Not signed in.' });
        await tx.session.delete({ where: { id: ctx.sessionId } });
        await writeAudit(tx, {
          actorId: ctx.viewer.id,
          action: 'logout',
          entityType: 'User',
          entityId: ctx.viewer.id,
        });
        return { loggedOut: true };
      }),
  }),
}));
