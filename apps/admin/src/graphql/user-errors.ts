import { graphql, type ResultOf } from './graphql';

/** What every mutation asks of its `userErrors`: spread `...UserErrorFields` in the payload. */
export const UserErrorFields = graphql(`
  fragment UserErrorFields on UserError {
    code
    field
    message { zh }
  }
`);

/** One user error of a mutation payload (nothing was written); `code` is the `UserErrorCode` enum. */
export type UserError = ResultOf<typeof UserErrorFields>;

/** The Chinese message of a user error. */
export function userErrorText(error: UserError): string {
  return error.message.zh;
}

/** A mutation answered with user errors; `message` is their Chinese messages joined. */
export class UserErrorsError extends Error {
  constructor(readonly userErrors: readonly UserError[]) {
    super(userErrors.map(userErrorText).join(';'));
    this.name = 'UserErrorsError';
  }
}

/** A user error the app found itself (e.g. an import's error findings), shaped like the gateway's. */
export function localUserError(code: UserError['code'], zh: string): UserError {
  return { code, field: null, message: { zh } };
}
