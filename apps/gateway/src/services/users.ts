import type { User } from '@qxg/db';
import { fail } from '../schema/user-errors';
import type { Tx } from './audit';
import { hashPassword } from './passwords';

/** Validates and inserts a user (shared with `qxg user add`). */
export async function createUserRow(
  tx: Tx,
  input: {
    username: string;
    role: 'ADMIN' | 'REPORTER' | 'ANALYST';
    unitId: string | null;
    password: string;
  },
): Promise<User> {
  const username = input.username.trim();
  if (!/^[\p{L}\p{N}._@-]{2,64}$/u.test(username)) {
    fail(
      'INVALID_USERNAME',
      { zh: '用户名须为2至64个字母、数字或 . _ @ -', en: 'Usernames are 2–64 letters, digits, . _ @ -' },
      ['username'],
    );
  }
  if (await tx.user.findUnique({ where: { username } })) {
    fail('USERNAME_TAKEN', { zh: `用户名${username}已存在。`, en: `${username} exists.` }, ['username']);
  }
  if (input.role === 'REPORTER' && !input.unitId) {
    fail('UNIT_REQUIRED', { zh: '填报人须绑定一个单位。', en: 'A REPORTER is bound to a unit.' }, ['unitId']);
  }
  if (input.role !== 'REPORTER' && input.unitId) {
    fail('UNIT_NOT_ALLOWED', { zh: '只有填报人绑定单位。', en: 'Only REPORTERs have a unit.' }, ['unitId']);
  }
  if (input.unitId && !(await tx.unit.findUnique({ where: { id: input.unitId } }))) {
    fail('UNKNOWN_UNIT', { zh: `找不到单位${input.unitId}`, en: `No unit ${input.unitId}` }, ['unitId']);
  }
  return tx.user.create({
    data: {
      username,
      role: input.role,
      unitId: input.unitId,
      passwordHash: await hashPassword(input.password),
    },
  });
}
