import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { createBrotliCompress, createGzip, constants as zlib } from 'node:zlib';
import type { GatewayYoga } from './server';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

export interface HttpOptions {
  readonly yoga: GatewayYoga;
  /** The admin app's build (served at `/` with an index.html fallback) when the folder exists. */
  readonly adminDist?: string;
  /** Extra handlers (downloads) tried before the static files; return true when handled. */
  readonly routes?: readonly ((req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>)[];
}

/** One port: `/graphql` (GraphQL + GraphiQL), `/healthz`, extra routes, the admin app at `/`. */
export function createHttpServer(options: HttpOptions): Server {
  const dist =
    options.adminDist && existsSync(path.join(options.adminDist, 'index.html')) ? options.adminDist : null;
  return createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname === '/graphql' || url.pathname.startsWith('/graphql/')) {
        await options.yoga.requestListener(req, res);
        return;
      }
      if (url.pathname === '/healthz') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true }));
        return;
      }
      for (const route of options.routes ?? []) if (await route(req, res, url)) return;
      if (dist && (req.method === 'GET' || req.method === 'HEAD')) {
        serveStatic(dist, url.pathname, req, res);
        return;
      }
      if (url.pathname === '/') {
        res.writeHead(302, { location: '/graphql' }).end();
        return;
      }
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    } catch (error) {
      console.error(error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Internal error');
    }
  });
}

/** Types worth compressing (text); images and fonts are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/json|image\/svg)/;

/**
 * The encoding to send, from the request's `Accept-Encoding`: brotli, then gzip, else none. A
 * listed encoding with `q=0` is refused, as HTTP says.
 */
export function chooseEncoding(accept: string | undefined): 'br' | 'gzip' | null {
  const accepted = new Set(
    (accept ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !/^\s*q=0(\.0*)?\s*$/.test(q ?? ''))
      .map(([name]) => name?.trim().toLowerCase()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return null;
}

function serveStatic(root: string, pathname: string, req: IncomingMessage, res: ServerResponse): void {
  const decoded = decodeURIComponent(pathname);
  const candidate = path.resolve(root, `.${decoded}`);
  // Stay inside the folder; unknown paths are client routes of the SPA: answer index.html.
  const inside = candidate === root || candidate.startsWith(root + path.sep);
  const file =
    inside && existsSync(candidate) && statSync(candidate).isFile()
      ? candidate
      : path.join(root, 'index.html');
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  const immutable = file.includes(`${path.sep}assets${path.sep}`);
  const headers: Record<string, string> = {
    'content-type': type,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    vary: 'accept-encoding',
  };
  const encoding = COMPRESSIBLE.test(type) ? chooseEncoding(req.headers['accept-encoding']) : null;
  if (encoding === null) {
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
    return;
  }
  // The build writes .br and .gz beside each asset: send those as they are; compress anything else now.
  const precompressed = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
  res.writeHead(200, { ...headers, 'content-encoding': encoding });
  if (existsSync(precompressed)) {
    createReadStream(precompressed).pipe(res);
    return;
  }
  const compress =
    encoding === 'br'
      ? createBrotliCompress({ params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } })
      : createGzip({ level: 6 });
  pipeline(createReadStream(file), compress, res, () => {});
}
