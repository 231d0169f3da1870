import { ENGINES } from '@qxg/db';
import { describe, expect, it } from 'vitest';
import { parseResponseCacheSetting, readGatewayEnv, responseCacheDefault } from '../src/env';

describe('QXG_RESPONSE_CACHE', () => {
  it('defaults to on for SQLite (one embedded process) and off for PostgreSQL (scale-out)', () => {
    expect(Object.fromEntries(ENGINES.map((e) => [e, responseCacheDefault(e)]))).toEqual({
      sqlite: true,
      postgresql: false,
    });
    expect(readGatewayEnv({}).responseCache).toBe(true);
    expect(readGatewayEnv({ DATABASE_URL: 'file:./data/x.db' }).responseCache).toBe(true);
    expect(readGatewayEnv({ DATABASE_URL: 'postgresql://u@db:5432/qxg' }).responseCache).toBe(false);
    expect(readGatewayEnv({ DATABASE_URL: 'postgres://u@db/qxg' }).responseCache).toBe(false);
  });

  it('on / off override the default on either engine', () => {
    expect(
      readGatewayEnv({ DATABASE_URL: 'postgresql://u@db/qxg', QXG_RESPONSE_CACHE: 'on' }).responseCache,
    ).toBe(true);
    expect(readGatewayEnv({ QXG_RESPONSE_CACHE: 'OFF' }).responseCache).toBe(false);
    expect(readGatewayEnv({ QXG_RESPONSE_CACHE: ' ' }).responseCache).toBe(true);
    expect(parseResponseCacheSetting(undefined)).toBeUndefined();
    expect(() => parseResponseCacheSetting('yes')).toThrow(/QXG_RESPONSE_CACHE must be on or off/);
  });
});
