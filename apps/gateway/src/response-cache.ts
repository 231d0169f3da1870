import type { ChangeMarker } from '@qxg/db';
import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from './context';
import type { SessionOfRequest } from './services/sessions';
import { chinaToday } from './services/status';

interface StoredResponse {
  readonly status: number;
  readonly headers: [string, string][];
  readonly body: string;
  readonly bytes: number;
}

/** Options of {@link useResultCache}. */
export interface ResultCacheOptions {
  /** Tells whether the database changed, whoever wrote (this process, another gateway, a shell). */
  readonly changes: ChangeMarker;
  /** The request's session, shared with the context factory (one lookup per request). */
  readonly sessionOf: SessionOfRequest;
  /** Bytes the stored responses may take together (default 64 MiB); the oldest go first. */
  readonly maxBytes?: number;
  /** Requests with a larger body (or none declared) are not cached, and their body is never read here (default 64 KiB). */
  readonly maxRequestBytes?: number;
  readonly clock?: () => Date;
}

const MiB = 1024 * 1024;

/**
 * A cache of whole HTTP responses to GraphQL queries, correct on every deployment:
 *
 * - **Keyed by the authenticated viewer**, never by the raw `Authorization` header: the session is
 *   looked up first, so an expired or revoked token is an anonymous visitor, and a user whose role or
 *   unit changed is a new key. The key is (viewer, method, `Accept`, today in China, the request).
 * - **Invalidated by the database, across processes**: each request first reads the database's change
 *   marker (`@qxg/db` `ChangeMarker`: SQLite's `data_version`, PostgreSQL's change sequence advanced
 *   by a trigger on every table); when it moved, everything is forgotten. A mutation of this process
 *   clears the cache and notes the write before its answer is sent, so the next read through any
 *   process sees it.
 * - **Bounded**: stored responses take at most `maxBytes` (the oldest are dropped first), and only
 *   requests that declare a body of at most `maxRequestBytes` are considered, so the cache never reads
 *   a large or streamed body (yoga's own limits apply to those).
 *
 * Results with errors are not stored; a result computed while a write happened is not stored.
 */
export function useResultCache(options: ResultCacheOptions): Plugin<Context> & {
  /** What the cache holds now (for tests and metrics). */
  readonly stats: () => { readonly entries: number; readonly bytes: number };
} {
  const maxBytes = options.maxBytes ?? 64 * MiB;
  const maxRequestBytes = options.maxRequestBytes ?? 64 * 1024;
  const clock = options.clock ?? (() => new Date());
  const responses = new Map<string, StoredResponse>();
  let bytes = 0;
  let generation = 0;
  let marker: string | null = null;
  const pending = new WeakMap<Request, { key: string; generation: number }>();
  const cacheable = new WeakSet<Request>();
  const writes = new WeakSet<Request>();

  const clear = () => {
    generation++;
    responses.clear();
    bytes = 0;
  };
  /** Forgets everything when the database changed since the last request. */
  const sync = async (): Promise<boolean> => {
    let current: string;
    try {
      current = await options.changes.read();
    } catch {
      clear();
      marker = null;
      return false;
    }
    if (current !== marker) {
      clear();
      marker = current;
    }
    return true;
  };
  const store = (key: string, response: Omit<StoredResponse, 'bytes'>) => {
    const size = 2 * (key.length + response.body.length) + 256;
    if (size > maxBytes / 4) return;
    for (const [oldest, stored] of responses) {
      if (bytes + size <= maxBytes) break;
      responses.delete(oldest);
      bytes -= stored.bytes;
    }
    responses.set(key, { ...response, bytes: size });
    bytes += size;
  };

  return {
    stats: () => ({ entries: responses.size, bytes }),
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== '/graphql') return;
      let source: string;
      if (request.method === 'GET') {
        if (url.search.length > maxRequestBytes) return;
        source = url.search;
      } else if (request.method === 'POST') {
        const declared = Number(request.headers.get('content-length') ?? Number.NaN);
        if (!(declared > 0 && declared <= maxRequestBytes)) return;
        source = await request.clone().text();
      } else {
        return;
      }
      if (!(await sync())) return;
      const now = clock();
      const session = await options.sessionOf(request, now);
      const viewer = session ? [session.user.id, session.user.role, session.user.unitId] : null;
      const key = JSON.stringify([
        viewer,
        request.method,
        request.headers.get('accept'),
        chinaToday(now),
        source,
      ]);
      const hit = responses.get(key);
      if (hit) {
        // Most recently used last: eviction drops from the front.
        responses.delete(key);
        responses.set(key, hit);
        // The server's own fetch API: later hooks (compression) pipe its body through their streams.
        // A fresh header list each time: the server adapter writes into the one it is given.
        const headers = hit.headers.map(([name, value]): [string, string] => [name, value]);
        endResponse(new fetchAPI.Response(hit.body, { status: hit.status, headers }));
        return;
      }
      pending.set(request, { key, generation });
    },
    onExecute({ args }) {
      const request = (args.contextValue as Context & { request?: Request }).request;
      const operation = (args.document as DocumentNode).definitions.find(
        (d): d is OperationDefinitionNode =>
          d.kind === 'OperationDefinition' &&
          (args.operationName ? d.name?.value === args.operationName : true),
      );
      if (operation?.operation !== 'query') {
        // A mutation may write: the answer waits until the cache is cleared and the write noted.
        if (request) writes.add(request);
        return undefined;
      }
      return {
        onExecuteDone({ result }) {
          if (!request || !result || Symbol.asyncIterator in result) return;
          if ('errors' in result && result.errors && result.errors.length > 0) return;
          cacheable.add(request);
        },
      };
    },
    async onResponse({ request, response }) {
      if (writes.has(request)) {
        clear();
        await options.changes.note();
        return;
      }
      const p = pending.get(request);
      if (!p || !cacheable.has(request) || response.status !== 200 || p.generation !== generation) return;
      const body = await response.clone().text();
      if (p.generation !== generation) return;
      // The plain body with its own headers: the encoding is chosen per request, after this hook.
      const headers = [...response.headers].filter(
        ([name]) => !['content-encoding', 'content-length'].includes(name.toLowerCase()),
      );
      store(p.key, { status: response.status, headers, body });
    },
  };
}
