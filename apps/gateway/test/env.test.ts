import { ENGINES } from '@qxg/db';
import { describe, expect, it } from 'vitest';
import { parseResponseCacheSetting, readGatewayEnv, responseCacheDefault } from '../src/env';

describe('QXG_RESPONSE_CACHE', () => {
  it('defaults to on for both engines (the change marker makes it safe across processes)', () => {
    expect(Object.fromEntries(ENGINES.map((e) => [e, responseCacheDefault(e)]))).toEqual({
      sqlite: true,
      postgresql: true,
    });
    expect(readGatewayEnv({}).responseCache).toBe(true);
    expect(readGatewayEnv({ DATABASE_URL: 'file:./data/x.db' }).responseCache).toBe(true);
    expect(readGatewayEnv({ DATABASE_URL: 'postgresql://u@db:5432/qxg' }).responseCache).toBe(true);
    expect(readGatewayEnv({ DATABASE_URL: 'postgres://u@db/qxg' }).responseCache).toBe(true);
  });

  it('bounds the cache in mebibytes (QXG_RESPONSE_CACHE_MB, default 64)', () => {
    expect(readGatewayEnv({}).responseCacheMb).toBe(64);
    expect(readGatewayEnv({ QXG_RESPONSE_CACHE_MB: '8' }).responseCacheMb).toBe(8);
    expect(() => readGatewayEnv({ QXG_RESPONSE_CACHE_MB: '0' })).toThrow(
      /QXG_RESPONSE_CACHE_MB must be positive/,
    );
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

describe('QXG_TRUST_PROXY', () => {
  it('honours X-Forwarded-For only when set to 1', () => {
    expect(readGatewayEnv({}).trustProxy).toBe(false);
    expect(readGatewayEnv({ QXG_TRUST_PROXY: '1' }).trustProxy).toBe(true);
    expect(readGatewayEnv({ QXG_TRUST_PROXY: 'yes' }).trustProxy).toBe(false);
  });
});
