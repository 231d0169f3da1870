import type { DocumentNode, ExecutionResult, OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from './context';

/**
 * An in-process cache of query results, cleared by every mutation. Every write to the database goes
 * through this gateway's mutations (and start-up, before serving), so "any mutation clears all" is
 * exact; a result depends only on the document, the variables, the viewer and the day (`asOf`
 * defaults to today), which form the key. Results with errors are not cached. Several gateway
 * processes on one database would need a shared invalidation: `responseCache: false` then.
 */
export function useResultCache(options: { readonly maxEntries?: number } = {}): Plugin<Context> {
  const max = options.maxEntries ?? 500;
  let byDocument = new WeakMap<DocumentNode, Map<string, ExecutionResult>>();
  let size = 0;
  const clear = () => {
    byDocument = new WeakMap();
    size = 0;
  };
  return {
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
      const ctx = args.contextValue as Context;
      const key = JSON.stringify([
        args.operationName ?? null,
        args.variableValues ?? null,
        ctx.viewer?.id ?? null,
        ctx.today,
      ]);
      const hit = byDocument.get(document)?.get(key);
      if (hit) {
        setResultAndStopExecution(hit);
        return undefined;
      }
      return {
        onExecuteDone({ result }) {
          if (!result || Symbol.asyncIterator in result) return;
          const single = result as ExecutionResult;
          if (single.errors && single.errors.length > 0) return;
          if (size >= max) clear();
          let entries = byDocument.get(document);
          if (!entries) {
            entries = new Map();
            byDocument.set(document, entries);
          }
          entries.set(key, single);
          size++;
        },
      };
    },
  };
}
