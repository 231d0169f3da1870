import type { Prisma, QxgPrismaClient, Unit } from '@qxg/db';
import {
  findParentCycle,
  findUnitNameClashes,
  UNIT_KINDS,
  type UnitInput,
  type UnitKind,
  unitNameKey,
} from '@qxg/disclosure-core';
import { fail } from '../schema/user-errors';
import { type Tx, writeAudit } from './audit';
import type { AuditAction } from './audit-vocabulary';

type Reader = QxgPrismaClient | Prisma.TransactionClient;

const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

/** Every stored unit with its aliases, as the core's rules read them. */
export async function storedUnits(prisma: Reader): Promise<UnitInput[]> {
  const units = await prisma.unit.findMany({ include: { aliases: true }, orderBy: { id: 'asc' } });
  return units.map((u) => ({
    id: u.id,
    name: u.canonicalName,
    kind: u.kind as UnitKind,
    ...(u.parentId ? { parentId: u.parentId } : {}),
    aliases: u.aliases.map((a) => a.alias),
  }));
}

/** What a unit looks like in the audit log's snapshots (names, not only ids). */
export async function unitSnapshot(tx: Reader, id: string) {
  const unit = await tx.unit.findUnique({
    where: { id },
    include: { aliases: { orderBy: { alias: 'asc' } } },
  });
  if (!unit) return null;
  return {
    id: unit.id,
    canonicalName: unit.canonicalName,
    kind: unit.kind,
    parentId: unit.parentId,
    aliases: unit.aliases.map((a) => a.alias),
  };
}

/** A name as stored: trimmed, inner runs of blanks as one space. */
function cleanName(name: string): string {
  return name.trim().replace(/\s+/gu, ' ');
}

/** Refuses names another unit has (compared after NFKC and without blanks): NAME_TAKEN / ALIAS_TAKEN. */
function assertNamesFree(
  units: readonly UnitInput[],
  unitId: string,
  names: readonly { readonly name: string; readonly field: readonly string[]; readonly alias: boolean }[],
): void {
  for (const { name, field, alias } of names) {
    const [clash] = findUnitNameClashes(units, unitId, [name]);
    if (!clash) continue;
    const as = clash.asAlias ? '别名' : '名称';
    const asEn = clash.asAlias ? 'an alias' : 'the name';
    fail(
      alias ? 'ALIAS_TAKEN' : 'NAME_TAKEN',
      {
        zh: `“${name}”已是单位“${clash.ownerName}”(${clash.ownerId})的${as}:单位名称和别名在去掉空格、统一全半角后不能重复。`,
        en: `“${name}” is already ${asEn} of ${clash.ownerName} (${clash.ownerId}): names and aliases must be unique (ignoring blanks and full-width forms).`,
      },
      field,
    );
  }
}

function assertKind(kind: string): asserts kind is UnitKind {
  if (!UNIT_KINDS.includes(kind as UnitKind))
    fail('UNKNOWN_KIND', { zh: `未知单位类型:${kind}`, en: `Unknown unit kind: ${kind}` }, ['kind']);
}

async function assertParent(
  tx: Tx,
  units: readonly UnitInput[],
  unitId: string,
  parentId: string,
): Promise<void> {
  if (!units.some((u) => u.id === parentId) && !(await tx.unit.findUnique({ where: { id: parentId } })))
    fail('UNKNOWN_UNIT', { zh: `找不到上级单位:${parentId}`, en: `No unit ${parentId}` }, ['parentId']);
  const loop = findParentCycle(units, unitId, parentId);
  if (loop) {
    const names = new Map(units.map((u) => [u.id, u.name]));
    const chain = loop.map((id) => names.get(id) ?? id);
    fail(
      'PARENT_CYCLE',
      {
        zh: `上级关系不能成环:${chain.join(' → ')}。`,
        en: `Parents may not form a loop: ${loop.join(' → ')}.`,
      },
      ['parentId'],
    );
  }
}

/** What {@link updateUnitRow} may change; a field left out (undefined) keeps its value. */
export interface UnitChange {
  readonly id: string;
  readonly name?: string | null | undefined;
  readonly kind?: string | null | undefined;
  /** undefined: keep; null: no parent; an id: that parent. */
  readonly parentId?: string | null | undefined;
  /** The full list of aliases (replaces the stored ones); undefined keeps them. */
  readonly aliases?: readonly string[] | null | undefined;
}

/**
 * Changes a unit: only the fields given. A new name keeps the old one as an alias (documents keep
 * using it). Names and aliases must be unique across units (after NFKC and without blanks), parents
 * must not form a loop: user errors otherwise, nothing written. Audited (`updateUnit`, before/after).
 */
export async function updateUnitRow(
  tx: Tx,
  actorId: string | null,
  change: UnitChange,
  action: AuditAction = 'updateUnit',
): Promise<Unit> {
  const before = await unitSnapshot(tx, change.id);
  if (!before) fail('UNKNOWN_UNIT', { zh: `找不到单位:${change.id}`, en: `No unit ${change.id}` }, ['id']);
  const units = await storedUnits(tx);
  const name = change.name == null ? before.canonicalName : cleanName(change.name);
  if (name === '') fail('EMPTY_NAME', { zh: '单位名称不能为空。', en: 'A unit needs a name.' }, ['name']);
  if (change.kind != null) assertKind(change.kind);
  const aliasList = change.aliases == null ? before.aliases : change.aliases.map(cleanName);
  aliasList.forEach((a, i) => {
    if (a === '')
      fail('EMPTY_ALIAS', { zh: '别名不能为空。', en: 'An alias is empty.' }, ['aliases', String(i)]);
  });
  const renamed = unitNameKey(name) !== unitNameKey(before.canonicalName);
  // Renaming keeps the old name as an alias; an alias equal to the name is dropped; one per key.
  const aliases = uniqueByKey([...aliasList, ...(renamed ? [before.canonicalName] : [])]).filter(
    (a) => unitNameKey(a) !== unitNameKey(name),
  );
  assertNamesFree(units, change.id, [
    { name, field: ['name'], alias: false },
    ...aliases.map((a) => ({
      name: a,
      field: ['aliases', String(Math.max(0, aliasList.indexOf(a)))],
      alias: true,
    })),
  ]);
  if (change.parentId != null) await assertParent(tx, units, change.id, change.parentId);
  // Free the names first (the unique indexes hold exact strings), then write.
  await tx.unitAlias.deleteMany({ where: { unitId: change.id } });
  const unit = await tx.unit.update({
    where: { id: change.id },
    data: {
      canonicalName: name,
      ...(change.kind != null ? { kind: change.kind } : {}),
      ...(change.parentId !== undefined ? { parentId: change.parentId } : {}),
    },
  });
  return storeAliasesAndAudit(tx, unit, aliases, { actorId, action, before });
}

/** Writes a unit's aliases, then its audit entry with the snapshot after; returns the unit. */
async function storeAliasesAndAudit(
  tx: Tx,
  unit: Unit,
  aliases: readonly string[],
  audit: { actorId: string | null; action: AuditAction; before?: unknown },
): Promise<Unit> {
  if (aliases.length > 0)
    await tx.unitAlias.createMany({ data: aliases.map((alias) => ({ alias, unitId: unit.id })) });
  await writeAudit(tx, {
    ...audit,
    entityType: 'Unit',
    entityId: unit.id,
    after: await unitSnapshot(tx, unit.id),
  });
  return unit;
}

/** Creates a unit with the same checks as {@link updateUnitRow} (id a lower-case slug). Audited. */
export async function createUnitRow(
  tx: Tx,
  actorId: string | null,
  input: {
    id: string;
    name: string;
    kind: string;
    parentId?: string | null | undefined;
    aliases?: readonly string[] | null | undefined;
  },
  action: AuditAction = 'upsertUnit',
): Promise<Unit> {
  if (!ID_PATTERN.test(input.id))
    fail('INVALID_ID', { zh: '单位标识须为小写字母、数字和连字符。', en: 'Unit ids are lower-case slugs.' }, [
      'id',
    ]);
  const name = cleanName(input.name);
  if (name === '') fail('EMPTY_NAME', { zh: '单位名称不能为空。', en: 'A unit needs a name.' }, ['name']);
  assertKind(input.kind);
  const units = await storedUnits(tx);
  const aliases = uniqueByKey((input.aliases ?? []).map(cleanName).filter((a) => a !== '')).filter(
    (a) => unitNameKey(a) !== unitNameKey(name),
  );
  assertNamesFree(units, input.id, [
    { name, field: ['name'], alias: false },
    ...aliases.map((a, i) => ({ name: a, field: ['aliases', String(i)], alias: true })),
  ]);
  if (input.parentId) await assertParent(tx, units, input.id, input.parentId);
  const unit = await tx.unit.create({
    data: { id: input.id, canonicalName: name, kind: input.kind, parentId: input.parentId ?? null },
  });
  return storeAliasesAndAudit(tx, unit, aliases, { actorId, action });
}

/** Adds one alias (the registry rules apply). Nothing is written when the unit has it already. */
export async function addUnitAliasRow(
  tx: Tx,
  actorId: string | null,
  unitId: string,
  alias: string,
): Promise<Unit> {
  const clean = cleanName(alias);
  if (clean === '') fail('EMPTY_ALIAS', { zh: '别名不能为空。', en: 'The alias is empty.' }, ['alias']);
  const before = await unitSnapshot(tx, unitId);
  if (!before) fail('UNKNOWN_UNIT', { zh: `找不到单位:${unitId}`, en: `No unit ${unitId}` }, ['unitId']);
  assertNamesFree(await storedUnits(tx), unitId, [{ name: clean, field: ['alias'], alias: true }]);
  const own = [before.canonicalName, ...before.aliases].some((n) => unitNameKey(n) === unitNameKey(clean));
  if (!own) {
    await tx.unitAlias.create({ data: { alias: clean, unitId } });
    await writeAudit(tx, {
      actorId,
      action: 'addUnitAlias',
      entityType: 'Unit',
      entityId: unitId,
      before,
      after: await unitSnapshot(tx, unitId),
    });
  }
  return tx.unit.findUniqueOrThrow({ where: { id: unitId } });
}

function uniqueByKey(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = unitNameKey(n);
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
