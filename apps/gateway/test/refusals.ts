// Test support: a mutation refused for every role but ADMIN answers with its empty payload and one
// user error, UNAUTHENTICATED when anonymous, FORBIDDEN otherwise.
import { expect } from 'vitest';
import type { Json, TestGateway } from './harness';

/** The roles an ADMIN-only mutation refuses, and the code each gets. */
export const REFUSALS = [
  [null, 'UNAUTHENTICATED'],
  ['REPORTER', 'FORBIDDEN'],
  ['ANALYST', 'FORBIDDEN'],
] as const;

/**
 * Sends `mutation` as anonymous, a REPORTER (of `reporterUnit`) and an ANALYST: each answer's
 * payload (the root field `field`) holds nulls and exactly the refusal's user error.
 */
export async function expectAdminOnly(
  gw: TestGateway,
  mutation: string,
  variables: Record<string, unknown>,
  field: string,
  reporterUnit = '520502001',
): Promise<void> {
  for (const [role, code] of REFUSALS) {
    const token =
      role === null ? null : await gw.tokenFor(role, role === 'REPORTER' ? reporterUnit : undefined);
    const r = await gw.gql<Record<string, Json>>(mutation, variables, token);
    const { userErrors, ...rest } = r.data![field];
    expect(userErrors.map((e: Json) => e.code)).toEqual([code]);
    expect(Object.values(rest).every((v) => v === null)).toBe(true);
  }
}
