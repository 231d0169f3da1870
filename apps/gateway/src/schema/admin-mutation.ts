import type { FieldRef, InputObjectRef, ObjectRef } from '@pothos/core';
import { type Permission, scopeOf } from '../auth-scopes';
import type { builder } from '../builder';
import type { Context, Viewer } from '../context';
import type { Tx } from '../services/audit';
import { type Nullable, type Payload, refused, runMutation, viewerOf } from './mutation-kit';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** What {@link inputMutation} makes a field of. */
export interface InputMutation<T extends object, In> {
  readonly type: ObjectRef<Types, Payload<T>>;
  readonly input: InputObjectRef<Types, In>;
  readonly permission: Permission;
  readonly description: string;
  /** The payload's fields when nothing was done (a refusal, a user error). */
  readonly empty: Nullable<T>;
  /** The work, in one transaction with its audit entry, for the signed-in viewer. */
  readonly run: (tx: Tx, input: In, viewer: Viewer, ctx: Context) => Promise<T>;
}

/**
 * A mutation field taking one `input`: guarded by a viewer permission (a refusal answers with the
 * empty payload and UNAUTHENTICATED or FORBIDDEN), run in one transaction, user errors as data.
 *
 * @example
 * builder.mutationFields((t) => ({ deleteEvent: inputMutation(t, { type, input, permission: 'recordEvent', description, empty: { deletedId: null }, run }) }));
 */
export function inputMutation<T extends object, In>(
  t: PothosSchemaTypes.MutationFieldBuilder<Types, object>,
  m: InputMutation<T, In>,
): FieldRef<Types, Payload<T>, 'Mutation'> {
  return t.field({
    type: m.type,
    description: m.description,
    args: { input: t.arg({ type: m.input, required: true }) },
    authScopes: scopeOf(m.permission),
    // The generic payload is the field's type: Pothos cannot follow `T` through its own types.
    unauthorizedResolver: refused(m.empty) as never,
    resolve: ((_r: unknown, args: { input: In }, ctx: Context) =>
      runMutation(ctx, m.empty, (tx) => m.run(tx, args.input, viewerOf(ctx), ctx))) as never,
  });
}
