/** Every way @qxg/db refuses or fails, as a closed union. */
export type DbErrorCode =
  | 'UNSUPPORTED_URL'
  | 'MIGRATION_FAILED'
  | 'MIGRATION_CHECKSUM_MISMATCH'
  | 'MIGRATION_UNKNOWN'
  | 'MIGRATION_INCOMPLETE'
  | 'MIGRATIONS_MISSING';

/** The one error class @qxg/db throws, with a code and the underlying cause. */
export class DbError extends Error {
  override readonly name = 'DbError';

  constructor(
    readonly code: DbErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
