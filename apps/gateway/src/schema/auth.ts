import { builder } from '../builder';
import { writeAudit } from '../services/audit';
import { verifyPassword } from '../services/passwords';
import { createSession } from '../services/sessions';
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
}

const LoginPayload = payloadType<LoginResult>('LoginPayload', (t) => ({
  token: t.string({
    nullable: true,
    description: 'Send it as `Authorization: Bearer <token>`. Only its hash is stored.',
    resolve: (p) => p.token,
  }),
  expiresAt: t.field({ type: 'DateTime', nullable: true, resolve: (p) => p.expiresAt }),
  user: t.field({
    type: UserRef,
    nullable: true,
    description: 'The user who has just signed in (readable although the request itself was anonymous).',
    // Only set after the password was verified: this user may read themself.
    grantScopes: ['self'],
    resolve: (p, _a, ctx) => (p.userId ? ctx.prisma.user.findUnique({ where: { id: p.userId } }) : null),
  }),
}));

const LogoutPayload = payloadType<{ loggedOut: boolean | null }>('LogoutPayload', (t) => ({
  loggedOut: t.boolean({ resolve: (p) => p.loggedOut === true }),
}));

builder.mutationFields((t) => ({
  login: t.field({
    type: LoginPayload,
    description: 'Exchanges a username and password for a bearer session token.',
    args: { input: t.arg({ type: LoginInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      // Hash check outside the transaction: it is slow on purpose and reads only.
      const user = await ctx.prisma.user.findUnique({ where: { username: input.username } });
      const ok = user !== null && !user.disabled && (await verifyPassword(input.password, user.passwordHash));
      return runMutation(ctx, { token: null, expiresAt: null, userId: null }, async (tx) => {
        if (!ok || !user)
          fail('INVALID_CREDENTIALS', { zh: '用户名或密码错误。', en: 'Wrong username or password.' });
        const session = await createSession(tx, user.id, {
          now: ctx.now,
          ttlHours: ctx.settings.sessionTtlHours,
        });
        await writeAudit(tx, {
          actorId: user.id,
          action: 'login',
          entityType: 'User',
          entityId: user.id,
          after: { expiresAt: session.expiresAt },
        });
        return { token: session.token, expiresAt: session.expiresAt, userId: user.id };
      });
    },
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
