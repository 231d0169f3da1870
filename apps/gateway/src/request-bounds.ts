import { type ExecutionResult, GraphQLError, Kind, type ValidationRule } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { LIMITS } from './builder';

/**
 * The `extensions.code` of every refusal of a bounded request; the message is Chinese, then
 * English: `QUERY_TOO_LARGE` (with `kind`: Complexity, Depth, Breadth, Aliases, ListItems, NodeIds,
 * and `limit`), `DATE_OUT_OF_RANGE` (a `Date` outside 2000-01-01 … 2100-12-31).
 */
export const BOUNDS_CODES = ['QUERY_TOO_LARGE', 'DATE_OUT_OF_RANGE'] as const;

const VARIABLE_PREFIX = /^Variable "\$([^"]+)" got invalid value/;

/**
 * graphql-js reports a variable its scalar refused as `Variable "$d" got invalid value …; <the
 * scalar's message>`: English first, whatever the scalar said. A refusal of ours is given back its
 * own bilingual message (Chinese first), the variable named after it, its `extensions` kept.
 */
export function withBoundsMessages(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.some((e) => isBoundsRefusal(e) && VARIABLE_PREFIX.test(e.message))) return result;
  return {
    ...result,
    errors: result.errors.map((e) => {
      const variable = VARIABLE_PREFIX.exec(e.message)?.[1];
      if (!isBoundsRefusal(e) || variable === undefined || !(e.originalError instanceof GraphQLError))
        return e;
      return new GraphQLError(`${e.originalError.message}(变量 $${variable} / variable $${variable})`, {
        nodes: e.nodes ?? null,
        extensions: e.extensions,
      });
    }),
  };
}

function isBoundsRefusal(error: GraphQLError): boolean {
  return (BOUNDS_CODES as readonly unknown[]).includes(error.extensions?.code);
}

/** The length of the longest list anywhere in a request's variables. */
export function longestList(value: unknown): number {
  if (Array.isArray(value)) return Math.max(value.length, ...value.map(longestList));
  if (value !== null && typeof value === 'object')
    return Math.max(0, ...Object.values(value).map(longestList));
  return 0;
}

/**
 * A document may alias at most `LIMITS.aliases` fields, and write no list literal longer than
 * `LIMITS.listItems`: aliases repeat a field's work without deepening the query (the complexity
 * limit counts them too, but many cheap-looking aliases of one heavy field add up).
 */
export const boundedDocumentRule: ValidationRule = (context) => {
  let aliases = 0;
  return {
    Field(node) {
      if (!node.alias) return;
      aliases++;
      if (aliases === LIMITS.aliases + 1) {
        context.reportError(
          new GraphQLError(
            `别名过多:上限为${LIMITS.aliases}个。Too many aliases: at most ${LIMITS.aliases} per request.`,
            {
              nodes: [node],
              extensions: { code: 'QUERY_TOO_LARGE', kind: 'Aliases', limit: LIMITS.aliases },
            },
          ),
        );
      }
    },
    ListValue(node) {
      if (node.kind === Kind.LIST && node.values.length > LIMITS.listItems) {
        context.reportError(
          new GraphQLError(
            `列表过长:${node.values.length}项,上限为${LIMITS.listItems}项。A list has ${node.values.length} items, at most ${LIMITS.listItems} are accepted.`,
            {
              nodes: [node],
              extensions: { code: 'QUERY_TOO_LARGE', kind: 'ListItems', limit: LIMITS.listItems },
            },
          ),
        );
      }
    },
  };
};

/**
 * Bounds a request before it runs: the alias and list-literal rule above, and no list in the
 * variables longer than `LIMITS.listItems` (answered with 400 and a bilingual error); refusals of a
 * variable keep their own Chinese-first message ({@link withBoundsMessages}).
 */
export function useRequestBounds(): Plugin {
  return {
    onParams({ params }) {
      const longest = longestList(params.variables ?? null);
      if (longest <= LIMITS.listItems) return;
      throw createGraphQLError(
        `列表过长:${longest}项,上限为${LIMITS.listItems}项。A list in the variables has ${longest} items, at most ${LIMITS.listItems} are accepted.`,
        {
          extensions: {
            code: 'QUERY_TOO_LARGE',
            kind: 'ListItems',
            limit: LIMITS.listItems,
            http: { status: 400 },
          },
        },
      );
    },
    onValidate({ addValidationRule }) {
      addValidationRule(boundedDocumentRule);
    },
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (!(Symbol.asyncIterator in result)) setResult(withBoundsMessages(result));
        },
      };
    },
  };
}
