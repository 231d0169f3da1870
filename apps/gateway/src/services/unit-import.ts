import { unitNameKey } from '@qxg/disclosure-core';
import { fail, UserErrors } from '../schema/user-errors';
import { type Tx, writeAudit } from './audit';
import { createUnitRow, unitSnapshot, updateUnitRow } from './units';

/** One row of an imported registry (the XLSX sheet read by @qxg/plan-io `readUnitRegistryXlsx`). */
export interface UnitImportRow {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  /** null or blank: no parent. */
  readonly parentId?: string | null | undefined;
  readonly aliases?: readonly string[] | null | undefined;
}

/** The largest registry one import takes. */
export const MAX_IMPORTED_UNITS = 2_000;

/**
 * Imports a unit registry in the caller's transaction: new ids are created, known ones get the
 * row's name, kind and parent; aliases are added, never removed (a stored plan may use them), and a
 * renamed unit keeps its old name as an alias. Rows equal to what is stored change nothing. Every
 * rule of a single edit applies (unique names after NFKC, no loops): the first row that breaks one
 * fails the whole import with its row number. Audited per changed unit and once as `importUnits`.
 */
export async function importUnitRows(
  tx: Tx,
  actorId: string | null,
  rows: readonly UnitImportRow[],
): Promise<{ created: string[]; updated: string[] }> {
  if (rows.length === 0 || rows.length > MAX_IMPORTED_UNITS)
    fail(
      'INVALID_SIZE',
      {
        zh: `单位名录须有1至${MAX_IMPORTED_UNITS}个单位(现为${rows.length}个)。`,
        en: `A registry holds 1 to ${MAX_IMPORTED_UNITS} units (got ${rows.length}).`,
      },
      ['units'],
    );
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const first = seen.get(r.id);
    if (first !== undefined)
      fail(
        'INVALID_INPUT',
        {
          zh: `第${i + 1}行与第${first + 1}行的单位标识“${r.id}”重复。`,
          en: `Rows ${first + 1} and ${i + 1} share the id ${r.id}.`,
        },
        ['units', String(i), 'id'],
      );
    seen.set(r.id, i);
  });
  const created: string[] = [];
  const updated = new Set<string>();
  // Names and kinds first (parents may name rows further down), then the parents.
  for (const [i, row] of rows.entries()) {
    await atRow(i, async () => {
      const before = await unitSnapshot(tx, row.id);
      if (!before) {
        await createUnitRow(tx, actorId, { ...row, parentId: null }, 'importUnits');
        created.push(row.id);
        return;
      }
      const have = new Set(before.aliases.map(unitNameKey));
      const added = (row.aliases ?? []).filter((a) => a.trim() !== '' && !have.has(unitNameKey(a)));
      const sameName = unitNameKey(row.name) === unitNameKey(before.canonicalName);
      if (sameName && row.kind === before.kind && added.length === 0) return;
      await updateUnitRow(
        tx,
        actorId,
        { id: row.id, name: row.name, kind: row.kind, aliases: [...before.aliases, ...added] },
        'importUnits',
      );
      updated.add(row.id);
    });
  }
  for (const [i, row] of rows.entries()) {
    const parentId = row.parentId?.trim() ? row.parentId.trim() : null;
    const current = await tx.unit.findUniqueOrThrow({ where: { id: row.id } });
    if (current.parentId === parentId) continue;
    await atRow(i, () => updateUnitRow(tx, actorId, { id: row.id, parentId }, 'importUnits'));
    if (!created.includes(row.id)) updated.add(row.id);
  }
  await writeAudit(tx, {
    actorId,
    action: 'importUnits',
    entityType: 'Unit',
    entityId: 'registry',
    after: { count: rows.length, created, updated: [...updated] },
  });
  return { created, updated: [...updated] };
}

/** Runs one row's step; its user errors name the row (第3行) and its path (`units.2.name`). */
async function atRow(index: number, step: () => Promise<unknown>): Promise<void> {
  try {
    await step();
  } catch (error) {
    if (!(error instanceof UserErrors)) throw error;
    throw new UserErrors(
      error.errors.map((e) => ({
        ...e,
        message: { zh: `第${index + 1}行:${e.message.zh}`, en: `Row ${index + 1}: ${e.message.en}` },
        field: ['units', String(index), ...(e.field ?? [])],
      })),
    );
  }
}
