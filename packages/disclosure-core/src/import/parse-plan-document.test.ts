import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { qixingguan2020 } from '../plan/seed/qixingguan-2020';
import { qixingguanUnits } from '../units/data/qixingguan-units';
import { parsePlanDocument } from './parse-plan-document';

const SEED = readFileSync(
  fileURLToPath(new URL('../../data/qixingguan-2020-disclosure-plan.txt', import.meta.url)),
  'utf8',
);

describe('parsePlanDocument on the 七星关区 2020 notice as published', () => {
  const result = parsePlanDocument(SEED, { registry: qixingguanUnits, id: 'qixingguan-2020' });

  it('yields exactly the plan qixingguan2020, field by field', () => {
    expect(result.plan).toEqual(qixingguan2020);
  });

  it('reports nothing: every unit is known and every deadline readable', () => {
    expect(result.findings).toEqual([]);
  });

  it('derives the id plan-2020-84 from the year and the 文号 when none is given', () => {
    expect(parsePlanDocument(SEED, { registry: qixingguanUnits }).plan?.id).toBe('plan-2020-84');
  });

  it('reads the same plan from Windows line endings, a BOM and full-width spaces', () => {
    const text = `\uFEFF${SEED.replace(/\n/gu, '\r\n')}`;
    expect(parsePlanDocument(text, { registry: qixingguanUnits, id: 'qixingguan-2020' }).plan).toEqual(
      qixingguan2020,
    );
  });

  it('reads the same plan when the annex is written one row per line', () => {
    const annexAt = SEED.indexOf('毕节市七星关区2020年政务公开重点任务分解表 |');
    const cells = SEED.slice(annexAt).split('\n');
    // Re-flow the cell-per-line annex: a row ends at a `| |||` marker or after six cells.
    const rows: string[] = [];
    let row: string[] = [];
    for (const line of cells) {
      const m = /^(.*?) \|( \|+)?$/u.exec(line);
      if (!m) continue;
      row.push(m[1] ?? '');
      if (m[2] !== undefined || row.length === 6) {
        rows.push(`${row.join(' | ')} |${m[2] ?? ''}`);
        row = [];
      }
    }
    if (row.length > 0) rows.push(`${row.join(' | ')} |`);
    const text = SEED.slice(0, annexAt) + rows.join('\n');
    const flowed = parsePlanDocument(text, { registry: qixingguanUnits, id: 'qixingguan-2020' });
    expect(flowed.plan).toEqual(qixingguan2020);
  });
});
