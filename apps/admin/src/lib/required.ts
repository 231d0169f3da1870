import { type Context, useContext } from 'react';

/**
 * The value of a context its provider must supply; throws `message` (a programming error) when the
 * hook is called outside the provider.
 *
 * @example
 * export const useSession = () => useProvided(SessionContext, 'useSession outside SessionProvider');
 */
export function useProvided<T>(context: Context<T | null>, message: string): T {
  return present(useContext(context), message);
}

/** `value`, which the caller's contract says is there; throws `message` when it is null. */
export function present<T>(value: T | null, message: string): T {
  if (value === null) throw new Error(message);
  return value;
}
