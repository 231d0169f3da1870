import { DbError } from '../db-error';

/** The two database engines qxg runs on. */
export type Engine = 'sqlite' | 'postgresql';

export const ENGINES: readonly Engine[] = ['sqlite', 'postgresql'];

/**
 * The engine a connection URL points at: `file:` is the embedded SQLite default,
 * `postgres://` and `postgresql://` are PostgreSQL.
 *
 * @example engineOfUrl('file:./data/qxg.db') // 'sqlite'
 */
export function engineOfUrl(url: string): Engine {
  if (url.startsWith('file:')) return 'sqlite';
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgresql';
  throw new DbError(
    'UNSUPPORTED_URL',
    `Unsupported database URL '${redactUrl(url)}': expected file:… (SQLite) or postgres(ql)://… (PostgreSQL)`,
  );
}

/**
 * The file path of a `file:` URL, relative paths resolved against the working directory (as the
 * better-sqlite3 adapter does). Query parameters are not supported and are rejected.
 *
 * @example sqliteFilePath('file:./data/qxg.db') // './data/qxg.db'
 */
export function sqliteFilePath(url: string): string {
  if (!url.startsWith('file:')) throw new DbError('UNSUPPORTED_URL', `Not a SQLite file: URL: ${url}`);
  const file = url.slice('file:'.length);
  if (file.includes('?')) {
    throw new DbError('UNSUPPORTED_URL', `SQLite URL parameters are not supported: ${url}`);
  }
  if (file === '') throw new DbError('UNSUPPORTED_URL', `SQLite URL without a file: ${url}`);
  return file;
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}
