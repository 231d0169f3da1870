import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer } from '../src/http';
import { createGatewayYoga } from '../src/server';
import { listen, startGateway, TEST_ENGINES, type TestGateway } from './harness';

const sqlite = TEST_ENGINES.find((e) => e.engine === 'sqlite')!;

describe('the HTTP server (one port: /graphql, /healthz, the admin app at /)', () => {
  let gw: TestGateway;
  let base = '';
  let dist = '';
  let close: () => Promise<void> = async () => {};
  beforeAll(async () => {
    gw = await startGateway(sqlite);
    dist = mkdtempSync(path.join(os.tmpdir(), 'qxg-dist-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>qxg admin</title>');
    writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log(1)');
    const yoga = createGatewayYoga({ db: gw.db, graphiql: true });
    const server = createHttpServer({ yoga, adminDist: dist });
    ({ base, close } = await listen(server));
  });
  afterAll(async () => {
    await close();
    await gw?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('answers GraphQL over a real socket', async () => {
    const r = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ plan(id: "qixingguan-2020") { docNumber } }' }),
    });
    expect(await r.json()).toEqual({ data: { plan: { docNumber: '七星府办通〔2020〕84号' } } });
  });

  it('serves GraphiQL to a browser at /graphql and a health check at /healthz', async () => {
    const page = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/graphiql/i);
    const health = await fetch(`${base}/healthz`);
    expect(await health.json()).toEqual({ ok: true });
  });

  it('serves the admin app at / with an index.html fallback for client routes', async () => {
    expect(await (await fetch(`${base}/`)).text()).toContain('qxg admin');
    expect(await (await fetch(`${base}/plans/qixingguan-2020/items`)).text()).toContain('qxg admin');
    const asset = await fetch(`${base}/assets/app.js`);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(await (await fetch(`${base}/../../etc/passwd`)).text()).toContain('qxg admin');
  });
});
