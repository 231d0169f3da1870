import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { type UserError, UserErrorsError, userErrorText } from './user-errors';

type MessageApi = ReturnType<typeof App.useApp>['message'];

/** A user error's `field` (`['evidence', '0', 'url']`) as a form's name path (`['evidence', 0, 'url']`). */
function namePath(field: readonly string[]): (string | number)[] {
  return field.map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Shows why an action failed, in Chinese: user errors that name a field of `form` appear under that
 * field, everything else (other user errors, a network or server error) as one antd message.
 */
export function showActionError(
  error: unknown,
  { message, form }: { readonly message: MessageApi; readonly form?: FormInstance | undefined },
): void {
  const rest: string[] = [];
  if (error instanceof UserErrorsError) {
    const onForm: { name: (string | number)[]; errors: string[] }[] = [];
    for (const e of error.userErrors) {
      const name = e.field && e.field.length > 0 ? namePath(e.field) : null;
      if (form && name && form.getFieldInstance(name) !== undefined)
        onForm.push({ name, errors: [userErrorText(e)] });
      else rest.push(userErrorText(e));
    }
    form?.setFields(onForm);
  } else {
    rest.push(error instanceof Error ? error.message : String(error));
  }
  if (rest.length > 0) void message.error(rest.join(';'));
}

export interface ActionOptions<Variables, Payload> {
  /** Sends the mutation; its payload's `userErrors`, when there are any, make the action fail. */
  readonly run: (variables: Variables) => Promise<Payload>;
  /** The queries whose data the action changes (by key prefix, see `QUERY_KEYS`). */
  readonly invalidates?: readonly QueryKey[];
  /** The antd message shown when it succeeded. */
  readonly success?: string | ((payload: Payload) => string);
  /** The form whose fields show the user errors that name them. */
  readonly form?: FormInstance | undefined;
  readonly onSuccess?: (payload: Payload) => void;
}

/**
 * A user action through TanStack Query's `useMutation`: `isPending` while it runs, the payload's user
 * errors shown (under the form's fields or as a message), and on success a message and only the
 * named queries invalidated. Resolves once the invalidated queries that are on screen have refetched.
 */
export function useAction<
  Variables = void,
  Payload extends { readonly userErrors?: readonly UserError[] } = object,
>(options: ActionOptions<Variables, Payload>) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const { run, invalidates = [], success, form, onSuccess } = options;
  return useMutation<Payload, Error, Variables>({
    mutationFn: async (variables) => {
      const payload = await run(variables);
      const errors = payload.userErrors ?? [];
      if (errors.length > 0) throw new UserErrorsError(errors);
      return payload;
    },
    onSuccess: async (payload) => {
      if (success) void message.success(typeof success === 'string' ? success : success(payload));
      await Promise.all(invalidates.map((queryKey) => client.invalidateQueries({ queryKey })));
      onSuccess?.(payload);
    },
    onError: (error) => showActionError(error, { message, form }),
  });
}
