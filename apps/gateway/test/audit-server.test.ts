import { auditServer } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, TEST_ENGINES, type TestGateway } from './harness';

const sqlite = TEST_ENGINES.find((e) => e.engine === 'sqlite')!;

describe('GraphQL over HTTP compliance (graphql-http audits)', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway(sqlite, { seed: false });
  });
  afterAll(async () => {
    await gw?.close();
  });

  it('passes every MUST audit', async () => {
    const results = await auditServer({
      url: 'http://yoga/graphql',
      fetchFn: (input: RequestInfo | URL, init?: RequestInit) => gw.yoga.fetch(String(input), init ?? {}),
    });
    const failedMust = results.filter((r) => r.status !== 'ok' && r.name.startsWith('MUST'));
    expect(failedMust.map((r) => `${r.name}: ${'reason' in r ? r.reason : ''}`)).toEqual([]);
    const ok = results.filter((r) => r.status === 'ok').length;
    console.log(`[gateway] graphql-http audits: ${ok}/${results.length} ok`);
  });
});
