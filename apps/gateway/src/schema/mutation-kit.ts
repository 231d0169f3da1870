import type { UserRole } from '@qxg/db';
import type { Context, Viewer } from '../context';
import type { Tx } from '../services/audit';
import { type UserErrorShape, userError } from './common';

/** Thrown inside a mutation's transaction to roll it back and answer with user errors. */
export class UserErrors extends Error {
  constructor(readonly errors: readonly UserErrorShape[]) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'UserErrors';
  }
}

export function fail(code: string, en: string, zh: string, field?: readonly string[]): never {
  throw new UserErrors([userError(code, en, zh, field)]);
}

/** The viewer when they have one of the roles; otherwise a user error (nothing is written). */
export function requireRole(ctx: Context, roles: readonly UserRole[]): Viewer {
  if (!ctx.viewer) fail('UNAUTHENTICATED', 'Sign in first.', '请先登录。');
  if (!roles.includes(ctx.viewer.role)) {
    fail(
      'FORBIDDEN',
      `Your role ${ctx.viewer.role} may not do this.`,
      `您的角色(${ctx.viewer.role})无权执行此操作。`,
    );
  }
  return ctx.viewer;
}

export type Payload<T> = T & { readonly userErrors: readonly UserErrorShape[] };

/**
 * Runs one user action: role check and body inside one transaction, user errors as data. The body
 * writes its audit entry through the same `tx`, so the change and its record commit together.
 */
export type Nullable<T> = { [K in keyof T]: T[K] | null };

export async function runMutation<T extends object>(
  ctx: Context,
  empty: Nullable<T>,
  body: (tx: Tx) => Promise<T>,
): Promise<Payload<Nullable<T>>> {
  try {
    const value = await ctx.prisma.$transaction((tx) => body(tx), { maxWait: 10_000, timeout: 60_000 });
    return { ...(value as Nullable<T>), userErrors: [] };
  } catch (error) {
    if (error instanceof UserErrors) return { ...empty, userErrors: error.errors };
    throw error;
  }
}

export function decodeGlobalId(id: string, typename: string): string {
  try {
    const raw = Buffer.from(id, 'base64').toString('utf8');
    const colon = raw.indexOf(':');
    if (colon > 0 && raw.slice(0, colon) === typename) return raw.slice(colon + 1);
  } catch {
    // fall through
  }
  fail('INVALID_ID', `Not a ${typename} id: ${id}`, `不是有效的${typename}标识:${id}`, ['id']);
}
