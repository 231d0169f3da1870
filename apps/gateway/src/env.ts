// The only file of the gateway that reads process.env.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Engine, engineOfUrl } from '@qxg/db';

/** The repository root (apps/gateway/src → ../../..): `./data/` and `apps/admin/dist` live there. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface GatewayEnv {
  /** `file:<repo>/data/qxg.db` by default (SQLite); `postgres(ql)://…` for PostgreSQL. */
  readonly databaseUrl: string;
  readonly port: number;
  readonly host: string;
  /** Session lifetime in hours (default 12). */
  readonly sessionTtlHours: number;
  /** The admin app's build output, served at `/` when it exists. */
  readonly adminDist: string;
  /** Password for the first admin user instead of a random one (tests, demos). */
  readonly initialAdminPassword: string | undefined;
  /** Skip loading the seed plan on first start. */
  readonly noSeed: boolean;
  /**
   * Keep query results in process until the database changes (`QXG_RESPONSE_CACHE=on|off`, default
   * on for both engines: every request reads the database's change marker, so writes of other
   * processes are seen at once). See `responseCacheDefault`.
   */
  readonly responseCache: boolean;
  /** Mebibytes the result cache may hold (`QXG_RESPONSE_CACHE_MB`, default 64). */
  readonly responseCacheMb: number;
  /**
   * `QXG_TRUST_PROXY=1`: the gateway runs behind a reverse proxy, so the client's address is the
   * first entry of `X-Forwarded-For` (login throttling counts per address). Off by default: the
   * header is then ignored, since any client can send it.
   */
  readonly trustProxy: boolean;
}

/**
 * Whether the result cache is on when `QXG_RESPONSE_CACHE` is unset: on for both engines. The cache
 * reads the database's change marker before every request (SQLite's `data_version`, PostgreSQL's
 * change sequence, advanced by a trigger on every table), so several gateway processes sharing one
 * PostgreSQL database, and writes from outside any gateway, are seen by the very next request.
 */
export function responseCacheDefault(_engine: Engine): boolean {
  return true;
}

/** `QXG_RESPONSE_CACHE`: `on` / `off` (case-insensitive), unset or empty = the engine's default. */
export function parseResponseCacheSetting(value: string | undefined): boolean | undefined {
  const v = nonEmpty(value)?.toLowerCase();
  if (v === undefined) return undefined;
  if (v === 'on') return true;
  if (v === 'off') return false;
  throw new Error(`QXG_RESPONSE_CACHE must be on or off, got ${value}`);
}

export function readGatewayEnv(env: NodeJS.ProcessEnv = process.env): GatewayEnv {
  const port = Number(nonEmpty(env.PORT) ?? '4000');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const ttl = Number(nonEmpty(env.QXG_SESSION_TTL_HOURS) ?? '12');
  if (!(ttl > 0)) throw new Error(`QXG_SESSION_TTL_HOURS must be positive, got ${env.QXG_SESSION_TTL_HOURS}`);
  const databaseUrl = nonEmpty(env.DATABASE_URL) ?? `file:${path.join(REPO_ROOT, 'data', 'qxg.db')}`;
  const cacheMb = Number(nonEmpty(env.QXG_RESPONSE_CACHE_MB) ?? '64');
  if (!(cacheMb > 0))
    throw new Error(`QXG_RESPONSE_CACHE_MB must be positive, got ${env.QXG_RESPONSE_CACHE_MB}`);
  return {
    databaseUrl,
    port,
    host: nonEmpty(env.HOST) ?? '0.0.0.0',
    sessionTtlHours: ttl,
    adminDist: nonEmpty(env.QXG_ADMIN_DIST) ?? path.join(REPO_ROOT, 'apps', 'admin', 'dist'),
    initialAdminPassword: nonEmpty(env.QXG_ADMIN_PASSWORD),
    noSeed: env.QXG_NO_SEED === '1',
    responseCache:
      parseResponseCacheSetting(env.QXG_RESPONSE_CACHE) ?? responseCacheDefault(engineOfUrl(databaseUrl)),
    responseCacheMb: cacheMb,
    trustProxy: env.QXG_TRUST_PROXY === '1',
  };
}

/** Environment of the test suite: the PostgreSQL scratch server and whether it is required. */
export function readTestEnv(env: NodeJS.ProcessEnv = process.env): {
  readonly scratchPostgresUrl: string;
  readonly requirePostgres: boolean;
} {
  return {
    scratchPostgresUrl:
      nonEmpty(env.QXG_SCRATCH_POSTGRES_URL) ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
    requirePostgres: env.QXG_REQUIRE_POSTGRES === '1',
  };
}

/** `pnpm bench:gateway`: seconds per autocannon run (QXG_BENCH_SECONDS, default 10). */
export function readBenchEnv(env: NodeJS.ProcessEnv = process.env): { readonly seconds: number } {
  const seconds = Number(nonEmpty(env.QXG_BENCH_SECONDS) ?? '10');
  if (!(seconds > 0)) throw new Error(`QXG_BENCH_SECONDS must be positive, got ${env.QXG_BENCH_SECONDS}`);
  return { seconds };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
