import type { AssessmentScheme, OutsideEvent, Unit, User } from '@qxg/db';
import { UNIT_KINDS, type UnitKind } from '@qxg/disclosure-core';
import { builder } from '../builder';
import { checkScheme } from '../services/assessment';
import { toJson, writeAudit } from '../services/audit';
import { generatePassword, hashPassword } from '../services/passwords';
import {
  OutsideEventKindEnum,
  RoleEnum,
  UnitKindEnum,
  UserError,
  type UserErrorShape,
  userError,
} from './common';
import { fail, requireRole, runMutation, UserErrors } from './mutation-kit';
import { AssessmentSchemeRef, OutsideEventRef, UnitRef, UserRef } from './refs';

type Errors = { readonly userErrors: readonly UserErrorShape[] };

const RecordEventInput = builder.inputType('RecordEventInput', {
  fields: (t) => ({
    kind: t.field({ type: OutsideEventKindEnum, required: true }),
    occurredOn: t.field({ type: 'Date', required: true }),
    eventKey: t.string({
      required: true,
      description: 'Idempotency key (a notice’s 文号, or the awaited event’s key from a deadline).',
    }),
    unitId: t.string({ description: 'The unit concerned (stable id), if any.' }),
    text: t.string({ required: true }),
  }),
});

const UpsertUnitInput = builder.inputType('UpsertUnitInput', {
  fields: (t) => ({
    id: t.string({ required: true, description: 'Stable lower-case id, e.g. `qxg-agriculture`.' }),
    name: t.string({ required: true }),
    kind: t.field({ type: UnitKindEnum, required: true }),
    parentId: t.string(),
  }),
});

const AddUnitAliasInput = builder.inputType('AddUnitAliasInput', {
  fields: (t) => ({ unitId: t.string({ required: true }), alias: t.string({ required: true }) }),
});

const DefineAssessmentSchemeInput = builder.inputType('DefineAssessmentSchemeInput', {
  fields: (t) => ({
    planId: t.string({ required: true }),
    name: t.string({ required: true }),
    definition: t.field({
      type: 'JSON',
      required: true,
      description: 'The scheme as @qxg/disclosure-core defines it.',
    }),
  }),
});

const CreateUserInput = builder.inputType('CreateUserInput', {
  fields: (t) => ({
    username: t.string({ required: true }),
    role: t.field({ type: RoleEnum, required: true }),
    unitId: t.string({ description: 'Required for REPORTER: the unit they write for.' }),
  }),
});

const RecordEventPayload = builder
  .objectRef<{ event: OutsideEvent | null } & Errors>('RecordEventPayload')
  .implement({
    fields: (t) => ({
      event: t.field({ type: OutsideEventRef, nullable: true, resolve: (p) => p.event }),
      userErrors: t.field({ type: [UserError], resolve: (p) => p.userErrors }),
    }),
  });
const UnitPayload = (name: string) =>
  builder.objectRef<{ unit: Unit | null } & Errors>(name).implement({
    fields: (t) => ({
      unit: t.field({ type: UnitRef, nullable: true, resolve: (p) => p.unit }),
      userErrors: t.field({ type: [UserError], resolve: (p) => p.userErrors }),
    }),
  });
const UpsertUnitPayload = UnitPayload('UpsertUnitPayload');
const AddUnitAliasPayload = UnitPayload('AddUnitAliasPayload');
const DefineAssessmentSchemePayload = builder
  .objectRef<{ scheme: AssessmentScheme | null } & Errors>('DefineAssessmentSchemePayload')
  .implement({
    fields: (t) => ({
      scheme: t.field({ type: AssessmentSchemeRef, nullable: true, resolve: (p) => p.scheme }),
      userErrors: t.field({ type: [UserError], resolve: (p) => p.userErrors }),
    }),
  });
const CreateUserPayload = builder
  .objectRef<{ user: User | null; password: string | null } & Errors>('CreateUserPayload')
  .implement({
    fields: (t) => ({
      user: t.field({ type: UserRef, nullable: true, resolve: (p) => p.user }),
      password: t.string({
        nullable: true,
        description: 'The one-time password: shown once, only its hash is stored.',
        resolve: (p) => p.password,
      }),
      userErrors: t.field({ type: [UserError], resolve: (p) => p.userErrors }),
    }),
  });

builder.mutationFields((t) => ({
  recordEvent: t.field({
    type: RecordEventPayload,
    description: 'ADMIN: records an outside event. Idempotent on `eventKey` when the content is the same.',
    args: { input: t.arg({ type: RecordEventInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      runMutation(ctx, { event: null }, async (tx) => {
        const viewer = requireRole(ctx, ['ADMIN']);
        if (input.text.trim() === '') fail('EMPTY_TEXT', 'Describe the event.', '请填写事件说明。', ['text']);
        if (input.unitId && !(await tx.unit.findUnique({ where: { id: input.unitId } }))) {
          fail('UNKNOWN_UNIT', `No unit ${input.unitId}`, `找不到单位${input.unitId}`, ['unitId']);
        }
        const existing = await tx.outsideEvent.findUnique({ where: { eventKey: input.eventKey } });
        if (existing) {
          const same =
            existing.kind === input.kind &&
            existing.occurredOn === input.occurredOn &&
            existing.text === input.text &&
            existing.unitId === (input.unitId ?? null);
          if (!same) {
            fail('DUPLICATE_EVENT_KEY', 'Another event has this key.', '已有其他事件使用该标识。', [
              'eventKey',
            ]);
          }
          return { event: existing };
        }
        const event = await tx.outsideEvent.create({
          data: {
            kind: input.kind,
            occurredOn: input.occurredOn,
            eventKey: input.eventKey,
            unitId: input.unitId ?? null,
            text: input.text,
          },
        });
        await writeAudit(tx, {
          actorId: viewer.id,
          action: 'recordEvent',
          entityType: 'OutsideEvent',
          entityId: event.id,
          after: event,
        });
        return { event };
      }),
  }),
  upsertUnit: t.field({
    type: UpsertUnitPayload,
    description: 'ADMIN: creates a unit or renames / re-kinds / re-parents it.',
    args: { input: t.arg({ type: UpsertUnitInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      runMutation(ctx, { unit: null }, async (tx) => {
        const viewer = requireRole(ctx, ['ADMIN']);
        if (!/^[a-z0-9][a-z0-9._-]*$/.test(input.id)) {
          fail('INVALID_ID', 'Unit ids are lower-case slugs.', '单位标识须为小写字母、数字和连字符。', [
            'id',
          ]);
        }
        if (input.name.trim() === '')
          fail('EMPTY_NAME', 'A unit needs a name.', '单位名称不能为空。', ['name']);
        if (!UNIT_KINDS.includes(input.kind as UnitKind))
          fail('UNKNOWN_KIND', 'Unknown kind.', '未知单位类别。', ['kind']);
        if (input.parentId) {
          if (input.parentId === input.id)
            fail('PARENT_CYCLE', 'A unit cannot be its own parent.', '单位不能隶属于自身。', ['parentId']);
          if (!(await tx.unit.findUnique({ where: { id: input.parentId } }))) {
            fail('UNKNOWN_UNIT', `No unit ${input.parentId}`, `找不到单位${input.parentId}`, ['parentId']);
          }
        }
        const clash = await tx.unit.findUnique({ where: { canonicalName: input.name } });
        if (clash && clash.id !== input.id) {
          fail(
            'NAME_TAKEN',
            `${input.name} is unit ${clash.id}.`,
            `名称“${input.name}”已属于单位${clash.id}。`,
            ['name'],
          );
        }
        const before = await tx.unit.findUnique({ where: { id: input.id } });
        const data = { canonicalName: input.name, kind: input.kind, parentId: input.parentId ?? null };
        const unit = before
          ? await tx.unit.update({ where: { id: input.id }, data })
          : await tx.unit.create({ data: { id: input.id, ...data } });
        await writeAudit(tx, {
          actorId: viewer.id,
          action: 'upsertUnit',
          entityType: 'Unit',
          entityId: unit.id,
          ...(before ? { before } : {}),
          after: unit,
        });
        return { unit };
      }),
  }),
  addUnitAlias: t.field({
    type: AddUnitAliasPayload,
    description: 'ADMIN: another name plans may use for a unit; unique across units.',
    args: { input: t.arg({ type: AddUnitAliasInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      runMutation(ctx, { unit: null }, async (tx) => {
        const viewer = requireRole(ctx, ['ADMIN']);
        const alias = input.alias.trim();
        if (alias === '') fail('EMPTY_ALIAS', 'The alias is empty.', '别名不能为空。', ['alias']);
        const unit = await tx.unit.findUnique({ where: { id: input.unitId } });
        if (!unit) fail('UNKNOWN_UNIT', `No unit ${input.unitId}`, `找不到单位${input.unitId}`, ['unitId']);
        const taken = await tx.unitAlias.findUnique({ where: { alias } });
        const nameClash = await tx.unit.findUnique({ where: { canonicalName: alias } });
        if ((taken && taken.unitId !== unit.id) || (nameClash && nameClash.id !== unit.id)) {
          fail('ALIAS_TAKEN', `“${alias}” already names another unit.`, `“${alias}”已是其他单位的名称。`, [
            'alias',
          ]);
        }
        if (!taken) {
          const row = await tx.unitAlias.create({ data: { alias, unitId: unit.id } });
          await writeAudit(tx, {
            actorId: viewer.id,
            action: 'addUnitAlias',
            entityType: 'Unit',
            entityId: unit.id,
            after: row,
          });
        }
        return { unit };
      }),
  }),
  defineAssessmentScheme: t.field({
    type: DefineAssessmentSchemePayload,
    description: 'ADMIN: stores an assessment scheme (考核方案) for a plan; a new name makes a new scheme.',
    args: { input: t.arg({ type: DefineAssessmentSchemeInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      runMutation(ctx, { scheme: null }, async (tx) => {
        const viewer = requireRole(ctx, ['ADMIN']);
        if (!(await tx.plan.findUnique({ where: { id: input.planId } }))) {
          fail('UNKNOWN_PLAN', `No plan ${input.planId}`, `找不到方案${input.planId}`, ['planId']);
        }
        if (input.name.trim() === '')
          fail('EMPTY_NAME', 'A scheme needs a name.', '考核方案名称不能为空。', ['name']);
        const def = input.definition;
        if (def === null || typeof def !== 'object' || Array.isArray(def)) {
          fail('INVALID_SCHEME', 'The definition must be a JSON object.', '考核方案须为JSON对象。', [
            'definition',
          ]);
        }
        const checked = checkScheme(def);
        if (!checked.ok) {
          throw new UserErrors(
            checked.issues.map((i) =>
              userError('INVALID_SCHEME', `${i.code}: ${i.message.en}`, i.message.zh, [
                'definition',
                ...(i.location?.path ? [i.location.path] : []),
              ]),
            ),
          );
        }
        const before = await tx.assessmentScheme.findUnique({
          where: { planId_name: { planId: input.planId, name: input.name } },
        });
        const scheme = before
          ? await tx.assessmentScheme.update({ where: { id: before.id }, data: { definition: toJson(def) } })
          : await tx.assessmentScheme.create({
              data: { planId: input.planId, name: input.name, definition: toJson(def) },
            });
        await writeAudit(tx, {
          actorId: viewer.id,
          action: 'defineAssessmentScheme',
          entityType: 'AssessmentScheme',
          entityId: scheme.id,
          ...(before ? { before } : {}),
          after: scheme,
        });
        return { scheme };
      }),
  }),
  createUser: t.field({
    type: CreateUserPayload,
    description: 'ADMIN: adds a user with a one-time password (returned once).',
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      runMutation(ctx, { user: null, password: null }, async (tx) => {
        const viewer = requireRole(ctx, ['ADMIN']);
        const password = generatePassword();
        const user = await createUserRow(tx, { ...input, unitId: input.unitId ?? null, password });
        await writeAudit(tx, {
          actorId: viewer.id,
          action: 'createUser',
          entityType: 'User',
          entityId: user.id,
          after: { username: user.username, role: user.role, unitId: user.unitId },
        });
        return { user, password };
      }),
  }),
}));

/** Validates and inserts a user (shared with `qxg user add`). */
export async function createUserRow(
  tx: import('../services/audit').Tx,
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
      'Usernames are 2–64 letters, digits, . _ @ -',
      '用户名须为2至64个字母、数字或 . _ @ -',
      ['username'],
    );
  }
  if (await tx.user.findUnique({ where: { username } })) {
    fail('USERNAME_TAKEN', `${username} exists.`, `用户名${username}已存在。`, ['username']);
  }
  if (input.role === 'REPORTER' && !input.unitId) {
    fail('UNIT_REQUIRED', 'A REPORTER is bound to a unit.', '填报人须绑定一个单位。', ['unitId']);
  }
  if (input.role !== 'REPORTER' && input.unitId) {
    fail('UNIT_NOT_ALLOWED', 'Only REPORTERs have a unit.', '只有填报人绑定单位。', ['unitId']);
  }
  if (input.unitId && !(await tx.unit.findUnique({ where: { id: input.unitId } }))) {
    fail('UNKNOWN_UNIT', `No unit ${input.unitId}`, `找不到单位${input.unitId}`, ['unitId']);
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
