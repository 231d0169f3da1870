import type { Context } from '../context';
import { type UserErrorShape, userError } from '../schema/user-errors';
import { writeAudit } from './audit';
import { createLoginGuard, type LoginGuard, loginKeys } from './login-guard';
import { checkPasswordPolicy, hashPassword, verifyNobody, verifyPassword } from './passwords';
import { createSession } from './sessions';

/** What `login` depends on besides the database: one per gateway, replaceable in tests. */
export interface LoginSecurity {
  readonly guard: LoginGuard;
  readonly verifyPassword: (password: string, stored: string) => Promise<boolean>;
  /** The same scrypt work for an unknown or disabled user (see passwords.ts). */
  readonly verifyNobody: (password: string) => Promise<false>;
}

export function defaultLoginSecurity(guard: LoginGuard = createLoginGuard()): LoginSecurity {
  return { guard, verifyPassword, verifyNobody };
}

export type LoginOutcome =
  | { readonly ok: true; readonly token: string; readonly expiresAt: Date; readonly userId: string }
  | { readonly ok: false; readonly error: UserErrorShape; readonly retryAfterSeconds: number | null };

/** The longest username kept in the audit of a failed login (what was typed can be anything). */
const AUDITED_USERNAME_LENGTH = 200;

/**
 * One sign-in attempt. In order: the throttle (per username and per address, see login-guard.ts)
 * refuses without checking anything while a wait is due; then the password is checked with the same
 * scrypt work whether the user exists or not (`verifyNobody`); a failure is counted and audited
 * (`loginFailed`: the username as typed, the address, never the password); a success clears the
 * username's failures and opens a session.
 */
export async function attemptLogin(
  ctx: Context,
  input: { readonly username: string; readonly password: string },
): Promise<LoginOutcome> {
  const { guard } = ctx.login;
  const keys = loginKeys(input.username, ctx.clientAddress);
  const wait = guard.waitSeconds(keys, ctx.now);
  if (wait > 0) return { ok: false, error: throttled(wait), retryAfterSeconds: wait };

  const user = await ctx.prisma.user.findUnique({ where: { username: input.username.trim() } });
  const usable = user !== null && !user.disabled;
  // Scrypt runs on every path, so the answer's timing does not tell whether the username exists.
  const ok = usable
    ? await ctx.login.verifyPassword(input.password, user.passwordHash)
    : await ctx.login.verifyNobody(input.password);
  if (!ok || !user) {
    guard.failed(keys, ctx.now);
    await writeAudit(ctx.prisma, {
      actorId: null,
      action: 'loginFailed',
      entityType: 'User',
      entityId: user?.id ?? '',
      after: {
        username: input.username.slice(0, AUDITED_USERNAME_LENGTH),
        address: ctx.clientAddress,
        reason: user === null ? 'unknownUser' : user.disabled ? 'disabled' : 'wrongPassword',
      },
    });
    const next = guard.waitSeconds(keys, ctx.now);
    return {
      ok: false,
      error: userError('INVALID_CREDENTIALS', {
        zh: '用户名或密码错误。',
        en: 'Wrong username or password.',
      }),
      retryAfterSeconds: next > 0 ? next : null,
    };
  }
  guard.succeeded(keys);
  const session = await ctx.prisma.$transaction(async (tx) => {
    const created = await createSession(tx, user.id, {
      now: ctx.now,
      ttlHours: ctx.settings.sessionTtlHours,
      userAgent: ctx.userAgent,
      address: ctx.clientAddress,
    });
    await writeAudit(tx, {
      actorId: user.id,
      action: 'login',
      entityType: 'User',
      entityId: user.id,
      after: { expiresAt: created.expiresAt, address: ctx.clientAddress },
    });
    return created;
  });
  return { ok: true, token: session.token, expiresAt: session.expiresAt, userId: user.id };
}

/**
 * `changePassword`: the current password is checked (a wrong one counts as a failed login of the
 * username, so a borrowed session cannot guess it quickly), the new one against the password policy;
 * then the hash is replaced and every other session of the user ends.
 */
export async function changePassword(
  ctx: Context,
  input: { readonly currentPassword: string; readonly newPassword: string },
): Promise<{ changed: boolean | null; userErrors: readonly UserErrorShape[] }> {
  const viewer = ctx.viewer;
  if (!viewer)
    return {
      changed: null,
      userErrors: [userError('UNAUTHENTICATED', { zh: '请先登录。', en: 'Sign in first.' })],
    };
  const keys = loginKeys(viewer.username, ctx.clientAddress);
  const wait = ctx.login.guard.waitSeconds(keys, ctx.now);
  if (wait > 0) return { changed: null, userErrors: [throttled(wait)] };
  const user = await ctx.prisma.user.findUnique({ where: { id: viewer.id } });
  if (!user || !(await ctx.login.verifyPassword(input.currentPassword, user.passwordHash))) {
    ctx.login.guard.failed(keys, ctx.now);
    return {
      changed: null,
      userErrors: [
        userError('INVALID_CREDENTIALS', { zh: '当前密码错误。', en: 'The current password is wrong.' }, [
          'currentPassword',
        ]),
      ],
    };
  }
  const problems = checkPasswordPolicy(input.newPassword, user.username);
  if (input.newPassword === input.currentPassword)
    problems.push({
      code: 'TOO_SIMPLE',
      message: { zh: '新密码不能与当前密码相同。', en: 'The new password must differ from the current one.' },
    });
  if (problems.length > 0)
    return {
      changed: null,
      userErrors: problems.map((p) => userError('WEAK_PASSWORD', p.message, ['newPassword'])),
    };
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.prisma.$transaction(async (tx) => {
    // A one-time password is used up: the user may do everything again (password-gate.ts).
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: false } });
    await tx.session.deleteMany({
      where: { userId: user.id, ...(ctx.sessionId ? { id: { not: ctx.sessionId } } : {}) },
    });
    await writeAudit(tx, {
      actorId: user.id,
      action: 'changePassword',
      entityType: 'User',
      entityId: user.id,
      ...(user.mustChangePassword
        ? { before: { mustChangePassword: true }, after: { mustChangePassword: false } }
        : {}),
    });
  });
  return { changed: true, userErrors: [] };
}

function throttled(seconds: number): UserErrorShape {
  return userError('LOGIN_THROTTLED', {
    zh: `登录失败次数过多,请在${seconds}秒后再试。`,
    en: `Too many failed sign-ins: try again in ${seconds} seconds.`,
  });
}
