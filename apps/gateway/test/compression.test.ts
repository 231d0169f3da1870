import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding, createHttpServer } from '../src/http';
import { createGatewayYoga } from '../src/server';
import { startGateway, TEST_ENGINES, TEST_NOW, type TestGateway } from './harness';

const engine = TEST_ENGINES[0];
if (!engine) throw new Error('no test engine');

/** A raw GET/POST: the bytes as sent, undecoded. */
function raw(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('chooseEncoding', () => {
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('gzip;q=1.0, br;q=0')).toBe('gzip');
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
  });
});

describe('compressed responses', () => {
  let gw: TestGateway;
  let server: Server;
  let base: string;
  let dist: string;
  const script = `console.log(${JSON.stringify('七星关区'.repeat(2000))});\n`;

  beforeAll(async () => {
    gw = await startGateway(engine);
    dist = mkdtempSync(join(tmpdir(), 'qxg-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>qxg</title>');
    writeFileSync(join(dist, 'assets', 'app.js'), script);
    // The build's precompressed copy (marked, so the test can tell it was the one sent).
    writeFileSync(join(dist, 'assets', 'app.js.br'), brotliCompressSync(`${script}// precompressed\n`));
    server = createHttpServer({
      yoga: createGatewayYoga({ db: gw.db, clock: () => TEST_NOW, graphiql: false }),
      adminDist: dist,
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 120_000);
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await gw?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('sends the build’s precompressed brotli file when the browser takes br', async () => {
    const r = await raw(`${base}/assets/app.js`, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers.vary).toBe('accept-encoding');
    const { brotliDecompressSync } = await import('node:zlib');
    expect(brotliDecompressSync(r.body).toString()).toContain('// precompressed');
    expect(r.body.length).toBeLessThan(script.length / 10);
  });

  it('gzips on the fly when there is no precompressed copy, and sends plain bytes to who asks none', async () => {
    const gz = await raw(`${base}/assets/app.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(script);
    const plain = await raw(`${base}/assets/app.js`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
  });

  it('gzips GraphQL responses, cached ones too', async () => {
    const body = JSON.stringify({ query: '{ units(first: 50) { edges { node { id name } } } }' });
    const headers = {
      'content-type': 'application/json',
      'accept-encoding': 'gzip',
      'content-length': String(Buffer.byteLength(body)),
    };
    const first = await raw(`${base}/graphql`, { method: 'POST', headers, body });
    const second = await raw(`${base}/graphql`, { method: 'POST', headers, body });
    for (const r of [first, second]) {
      expect(r.status).toBe(200);
      expect(r.headers['content-encoding']).toBe('gzip');
      const json = JSON.parse(gunzipSync(r.body).toString()) as { data: { units: { edges: unknown[] } } };
      expect(json.data.units.edges.length).toBeGreaterThan(10);
    }
    const plain = await raw(`${base}/graphql`, {
      method: 'POST',
      headers: { ...headers, 'accept-encoding': 'identity' },
      body,
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.body.toString()).data.units.edges.length).toBeGreaterThan(10);
  });
});
