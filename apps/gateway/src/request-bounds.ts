import { GraphQLError, Kind, type ValidationRule } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { LIMITS } from './builder';

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
 * variables longer than `LIMITS.listItems` (answered with 400 and a bilingual error).
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
  };
}
