/** The closed set of programmer-error codes thrown by `@qxg/disclosure-core`. */
export type CoreErrorCode =
  | 'INVALID_ARGUMENT'
  | 'INVALID_PLAN'
  | 'INVALID_REGISTRY'
  | 'INVALID_DATE'
  | 'DATE_OUT_OF_CALENDAR'
  | 'INVALID_SCHEME'
  | 'UNREACHABLE';

/**
 * Thrown for programmer errors only (a value that breaks the documented contract). Expected failures,
 * such as an unreadable deadline phrase in a document, are returned as values instead.
 *
 * @example
 * ```ts
 * try { createUnitRegistry([]); } catch (e) { if (e instanceof CoreError) console.log(e.code); }
 * ```
 */
export class CoreError extends Error {
  override readonly name = 'CoreError';
  readonly code: CoreErrorCode;

  constructor(code: CoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** Exhaustiveness guard for `switch` over discriminated unions: a new variant breaks the build. */
export function assertNever(value: never, what = 'value'): never {
  throw new CoreError('UNREACHABLE', `Unexpected ${what}: ${JSON.stringify(value)}`);
}
