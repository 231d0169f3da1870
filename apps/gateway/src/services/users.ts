import type { User } from '@qxg/db';
import { fail } from '../schema/user-errors';
import { type Tx, writeAudit } from './audit';
import { hashPassword } from './passwords';

/** Validates and inserts a user (shared with `qxg user add`). */
export async function createUserRow(
  tx: Tx,
  input: {
    username: string;
    role: 'ADMIN' | 'REPORTER' | 'ANALYST';
    unitId: string | null;
    password: string;
    /** A one-time password (the default): it must be changed at first sign-in. */
    oneTime?: boolean;
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
  await assertRoleUnit(tx, input.role, input.unitId);
  return tx.user.create({
    data: {
      username,
      role: input.role,
      unitId: input.unitId,
      passwordHash: await hashPassword(input.password),
      mustChangePassword: input.oneTime ?? true,
    },
  });
}

/** A REPORTER is bound to an existing unit; the other roles to none. */
async function assertRoleUnit(tx: Tx, role: User['role'], unitId: string | null): Promise<void> {
  if (role === 'REPORTER' && !unitId) {
    fail('UNIT_REQUIRED', { zh: '填报人须绑定一个单位。', en: 'A REPORTER is bound to a unit.' }, ['unitId']);
  }
  if (role !== 'REPORTER' && unitId) {
    fail('UNIT_NOT_ALLOWED', { zh: '只有填报人绑定单位。', en: 'Only REPORTERs have a unit.' }, ['unitId']);
  }
  if (unitId && !(await tx.unit.findUnique({ where: { id: unitId } }))) {
    fail('UNKNOWN_UNIT', { zh: `找不到单位${unitId}`, en: `No unit ${unitId}` }, ['unitId']);
  }
}

async function userOrFail(tx: Tx, userId: string): Promise<User> {
  const user = await tx.user.findUnique({ where: { id: userId } });
  if (!user) fail('NOT_FOUND', { zh: '找不到该用户。', en: 'No such user.' }, ['userId']);
  return user;
}

/** The office's last ADMIN must stay an enabled ADMIN (else nobody can administer the system). */
async function assertAnotherAdmin(tx: Tx, user: User, field: string): Promise<void> {
  if (user.role !== 'ADMIN' || user.disabled) return;
  const others = await tx.user.count({ where: { role: 'ADMIN', disabled: false, id: { not: user.id } } });
  if (others === 0)
    fail(
      'LAST_ADMIN',
      {
        zh: '这是唯一可用的管理员账号,不能停用或改为其他角色。',
        en: 'This is the only enabled ADMIN: it cannot be disabled or given another role.',
      },
      [field],
    );
}

/**
 * Changes a user's role and/or unit: fields left out keep their values (a REPORTER made ANALYST
 * loses the unit unless one is given, since only reporters have one). Their sessions stay: the next
 * request reads the new role. Audited (`updateUser`, before/after).
 */
export async function updateUserRow(
  tx: Tx,
  actorId: string,
  input: { userId: string; role?: User['role'] | null | undefined; unitId?: string | null | undefined },
): Promise<User> {
  const user = await userOrFail(tx, input.userId);
  const role = input.role ?? user.role;
  const unitId = input.unitId !== undefined ? input.unitId : role === 'REPORTER' ? user.unitId : null;
  if (role !== user.role && role !== 'ADMIN') await assertAnotherAdmin(tx, user, 'role');
  await assertRoleUnit(tx, role, unitId);
  const after = await tx.user.update({ where: { id: user.id }, data: { role, unitId } });
  await writeAudit(tx, {
    actorId,
    action: 'updateUser',
    entityType: 'User',
    entityId: user.id,
    before: { username: user.username, role: user.role, unitId: user.unitId },
    after: { username: after.username, role: after.role, unitId: after.unitId },
  });
  return after;
}

/**
 * The office gives a user a new one-time password (returned once): it must be changed at the next
 * sign-in, and every session of the user ends now. Audited (`resetPassword`, never the password).
 */
export async function resetPasswordRow(
  tx: Tx,
  actorId: string,
  userId: string,
  password: string,
): Promise<User> {
  const user = await userOrFail(tx, userId);
  const updated = await tx.user.update({
    where: { id: user.id },
    data: { passwordHash: await hashPassword(password), mustChangePassword: true },
  });
  const ended = await tx.session.deleteMany({ where: { userId: user.id } });
  await writeAudit(tx, {
    actorId,
    action: 'resetPassword',
    entityType: 'User',
    entityId: user.id,
    after: { username: user.username, mustChangePassword: true, sessionsEnded: ended.count },
  });
  return updated;
}

/**
 * Disables a user (every session ends at once, sign-in refused) or enables them again. Nobody
 * disables themself or the last enabled ADMIN. Audited (`disableUser` / `enableUser`).
 */
export async function setUserDisabledRow(
  tx: Tx,
  actorId: string,
  userId: string,
  disabled: boolean,
): Promise<User> {
  const user = await userOrFail(tx, userId);
  if (disabled && user.id === actorId)
    fail('FORBIDDEN', { zh: '不能停用自己的账号。', en: 'You cannot disable your own account.' }, ['userId']);
  if (disabled) await assertAnotherAdmin(tx, user, 'userId');
  const updated = await tx.user.update({ where: { id: user.id }, data: { disabled } });
  const ended = disabled ? (await tx.session.deleteMany({ where: { userId: user.id } })).count : 0;
  await writeAudit(tx, {
    actorId,
    action: disabled ? 'disableUser' : 'enableUser',
    entityType: 'User',
    entityId: user.id,
    before: { username: user.username, disabled: user.disabled },
    after: { username: user.username, disabled, ...(disabled ? { sessionsEnded: ended } : {}) },
  });
  return updated;
}
