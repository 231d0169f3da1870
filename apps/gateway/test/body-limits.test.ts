import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer } from '../src/http';
import { createGatewayYoga } from '../src/server';
import { startGateway, TEST_ENGINES, TEST_NOW, type TestGateway } from './harness';

const engine = TEST_ENGINES[0];
if (!engine) throw new Error('no test engine');

describe('request bodies over the limit', () => {
  let gw: TestGateway;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    gw = await startGateway(engine);
    server = createHttpServer({
      yoga: createGatewayYoga({
        db: gw.db,
        clock: () => TEST_NOW,
        graphiql: false,
        maxRequestBodyBytes: 1_000_000,
      }),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }, 120_000);
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await gw?.close();
  });

  function expectCleanRefusal(status: number, text: string) {
    expect(status).toBe(413);
    expect(text).not.toMatch(/\n\s+at |node_modules|\/work\//);
    const json = JSON.parse(text) as { errors: { message: string }[] };
    expect(json.errors[0]?.message).toMatch(/too large/i);
  }

  it('refuses a declared length over the limit with 413 and a JSON error, before reading it', async () => {
    const body = JSON.stringify({ query: '{ __typename }', pad: 'x'.repeat(2_000_000) });
    const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expectCleanRefusal(r.status, await r.text());
  });

  it('stops a streamed (chunked) body at the limit with 413, and keeps answering', async () => {
    const chunk = new TextEncoder().encode(`{"query":"{ __typename }","pad":"${'x'.repeat(64 * 1024)}`);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // 16 MB would follow if the server kept reading; it must stop after about 1 MB.
        if (sent > 16 * 1024 * 1024) controller.close();
        else {
          sent += chunk.byteLength;
          controller.enqueue(chunk);
        }
      },
    });
    const r = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expectCleanRefusal(r.status, await r.text());
    const ok = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await ok.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
