import type { FieldMap } from '@pothos/core';
import { builder } from '../builder';
import type { Context, Viewer } from '../context';
import type { Tx } from '../services/audit';
import { fail, UserError, type UserErrorShape, UserErrors, userError } from './user-errors';

export { fail, UserErrors } from './user-errors';

export type Payload<T> = T & { readonly userErrors: readonly UserErrorShape[] };
export type Nullable<T> = { [K in keyof T]: T[K] | null };

/**
 * Runs one user action inside one transaction, user errors as data. The body writes its audit entry
 * through the same `tx`, so the change and its record commit together. Who may call it is the
 * field's `authScopes` (see ../auth-scopes.ts), checked before this runs.
 */
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

/** The user error for a refused scope check: UNAUTHENTICATED when anonymous, FORBIDDEN otherwise. */
export function refusal(ctx: Context): UserErrorShape {
  if (!ctx.viewer) return userError('UNAUTHENTICATED', { zh: '请先登录。', en: 'Sign in first.' });
  return userError('FORBIDDEN', {
    zh: `您的角色(${ctx.viewer.role})无权执行此操作${ctx.viewer.role === 'REPORTER' ? ':填报人只能填报本单位承担的任务' : ''}。`,
    en: `Your role ${ctx.viewer.role} may not do this${ctx.viewer.role === 'REPORTER' ? ': a reporter writes only their own unit’s assignments' : ''}.`,
  });
}

/**
 * A mutation's `unauthorizedResolver`: a refused scope check answers with the empty payload and one
 * user error (nothing is written), like every other expected failure.
 */
export function refused<T extends object>(empty: Nullable<T>) {
  return (_parent: unknown, _args: unknown, ctx: Context): Payload<Nullable<T>> => ({
    ...empty,
    userErrors: [refusal(ctx)],
  });
}

/** The raw id inside a Relay global id of `typename`, or null. */
export function rawId(id: string, typename: string): string | null {
  try {
    const raw = Buffer.from(id, 'base64').toString('utf8');
    const colon = raw.indexOf(':');
    if (colon > 0 && raw.slice(0, colon) === typename) return raw.slice(colon + 1);
  } catch {
    // not base64
  }
  return null;
}

export function decodeGlobalId(id: string, typename: string): string {
  const raw = rawId(id, typename);
  if (raw === null) {
    fail('INVALID_ID', { zh: `不是有效的${typename}标识:${id}`, en: `Not a ${typename} id: ${id}` }, ['id']);
  }
  return raw;
}

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** A mutation's payload type: its own fields plus `userErrors`. */
export function payloadType<T extends object>(
  name: string,
  fields: (t: PothosSchemaTypes.ObjectFieldBuilder<Types, Payload<T>>) => FieldMap,
) {
  return builder.objectRef<Payload<T>>(name).implement({
    fields: (t) => ({
      ...fields(t),
      userErrors: t.field({ type: [UserError], resolve: (p) => p.userErrors }),
    }),
  });
}

/** The signed-in viewer of a mutation whose `authScopes` already required one. */
export function viewerOf(ctx: Context): Viewer {
  if (!ctx.viewer) fail('UNAUTHENTICATED', { zh: '请先登录。', en: 'Sign in first.' });
  return ctx.viewer;
}
