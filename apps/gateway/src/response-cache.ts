import type { DocumentNode, ExecutionResult, OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from './context';
import { chinaToday } from './services/status';

interface StoredResponse {
  readonly status: number;
  readonly headers: [string, string][];
  readonly body: string;
}

/**
 * An in-process cache of query results, cleared by every mutation. Every write to the database goes
 * through this gateway's mutations (and start-up, before serving), so "any mutation clears all" is
 * exact; a result depends only on the document, the variables, the viewer and the day (`asOf`
 * defaults to today), which form the key. Two levels: the execution result (any transport), and the
 * serialized HTTP response of a POST (skips parsing, validation and serialization). Results with
 * errors are not cached; a result computed while a mutation ran is not stored. Several gateway
 * processes on one database would need a shared invalidation, so `qxg serve` turns the cache off by
 * default on PostgreSQL (the scale-out engine) and on for SQLite (`QXG_RESPONSE_CACHE`, env.ts).
 */
export function useResultCache(
  options: { readonly maxEntries?: number; readonly clock?: () => Date } = {},
): Plugin<Context> {
  const max = options.maxEntries ?? 500;
  const clock = options.clock ?? (() => new Date());
  let results = new WeakMap<DocumentNode, Map<string, ExecutionResult>>();
  const responses = new Map<string, StoredResponse>();
  let size = 0;
  let generation = 0;
  const pending = new WeakMap<Request, { key: string; generation: number }>();
  const cacheable = new WeakSet<Request>();
  const clear = () => {
    generation++;
    results = new WeakMap();
    responses.clear();
    size = 0;
  };
  return {
    async onRequest({ request, url, endResponse }) {
      if (request.method !== 'POST' || url.pathname !== '/graphql') return;
      const body = await request.clone().text();
      const h = request.headers;
      const key = JSON.stringify([h.get('authorization'), h.get('accept'), chinaToday(clock()), body]);
      const hit = responses.get(key);
      if (hit) {
        endResponse(new Response(hit.body, { status: hit.status, headers: hit.headers }));
        return;
      }
      pending.set(request, { key, generation });
    },
    onExecute({ args, setResultAndStopExecution }) {
      const document = args.document as DocumentNode;
      const operation = document.definitions.find(
        (d): d is OperationDefinitionNode =>
          d.kind === 'OperationDefinition' &&
          (args.operationName ? d.name?.value === args.operationName : true),
      );
      if (operation?.operation !== 'query') {
        // A mutation may write: forget everything once it is done (whatever it answered).
        return { onExecuteDone: clear };
      }
      const ctx = args.contextValue as Context & { request?: Request };
      const key = JSON.stringify([
        args.operationName ?? null,
        args.variableValues ?? null,
        ctx.viewer?.id ?? null,
        ctx.today,
      ]);
      const hit = results.get(document)?.get(key);
      if (hit) {
        if (ctx.request) cacheable.add(ctx.request);
        setResultAndStopExecution(hit);
        return undefined;
      }
      const startedAt = generation;
      return {
        onExecuteDone({ result }) {
          if (!result || Symbol.asyncIterator in result || startedAt !== generation) return;
          const single = result as ExecutionResult;
          if (single.errors && single.errors.length > 0) return;
          if (size >= max) clear();
          let entries = results.get(document);
          if (!entries) {
            entries = new Map();
            results.set(document, entries);
          }
          entries.set(key, single);
          size++;
          if (ctx.request) cacheable.add(ctx.request);
        },
      };
    },
    async onResponse({ request, response }) {
      const p = pending.get(request);
      if (!p || !cacheable.has(request) || response.status !== 200 || p.generation !== generation) return;
      const body = await response.clone().text();
      if (p.generation !== generation) return;
      if (responses.size >= max) responses.clear();
      responses.set(p.key, { status: response.status, headers: [...response.headers], body });
    },
  };
}
