import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from './context';

/** The root fields a user signed in with a one-time password may still use. */
export const BEFORE_PASSWORD_CHANGE: ReadonlySet<string> = new Set([
  'me',
  'changePassword',
  'logout',
  // Signing in as someone else from the same browser is not a use of this session.
  'login',
  '__typename',
  '__schema',
  '__type',
]);

/** The error code of a request refused until the one-time password is changed. */
export const PASSWORD_CHANGE_REQUIRED = 'PASSWORD_CHANGE_REQUIRED';

/** The root field names of an operation, through its fragments. */
function rootFields(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): string[] {
  const names: string[] = [];
  for (const s of selectionSet.selections) {
    if (s.kind === 'Field') names.push(s.name.value);
    else if (s.kind === 'InlineFragment') names.push(...rootFields(s.selectionSet, fragments));
    else {
      const fragment = fragments.get(s.name.value);
      names.push(...(fragment ? rootFields(fragment.selectionSet, fragments) : [s.name.value]));
    }
  }
  return names;
}

/**
 * A user signed in with a one-time password (`users.must_change_password`: a new user, a reset) must
 * choose their own before anything else: every operation that asks for more than `me`,
 * `changePassword` and `logout` is refused whole with `PASSWORD_CHANGE_REQUIRED` (nothing runs).
 */
export function usePasswordGate(): Plugin<Context> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const ctx = args.contextValue as Context;
      if (!ctx.viewer?.mustChangePassword) return;
      const document = args.document as DocumentNode;
      const fragments = new Map(
        document.definitions
          .filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition')
          .map((d) => [d.name.value, d]),
      );
      const operation = document.definitions.find(
        (d): d is OperationDefinitionNode =>
          d.kind === 'OperationDefinition' &&
          (args.operationName ? d.name?.value === args.operationName : true),
      );
      if (!operation) return;
      const refused = rootFields(operation.selectionSet, fragments).filter(
        (f) => !BEFORE_PASSWORD_CHANGE.has(f),
      );
      if (refused.length === 0) return;
      setResultAndStopExecution({
        errors: [
          new GraphQLError(
            `请先修改初始密码(一次性密码),再进行其他操作。Change your one-time password first (changePassword); refused: ${refused.join(', ')}.`,
            { extensions: { code: PASSWORD_CHANGE_REQUIRED } },
          ),
        ],
      });
    },
  };
}
