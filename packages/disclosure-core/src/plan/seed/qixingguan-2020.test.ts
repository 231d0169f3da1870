import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collectiveMembers } from '../../units/expand-unit-refs';
import { expandAssignments, expandWorkItem } from '../expand-assignments';
import type { WorkItem } from '../types';
import { qixingguan2020 } from './qixingguan-2020';

const SEED = fileURLToPath(new URL('../../../data/qixingguan-2020-disclosure-plan.txt', import.meta.url));
const items = qixingguan2020.categories.flatMap((c) => c.keyTasks.flatMap((t) => t.workItems));
const task = (n: number) => {
  const found = qixingguan2020.categories.flatMap((c) => c.keyTasks).find((t) => t.number === n);
  if (!found) throw new Error(`no task ${n}`);
  return found;
};
const leadIds = (item: WorkItem) => item.leadUnits.map((r) => (r.kind === 'unit' ? r.unitId : r.text));

describe('qixingguan2020', () => {
  it('is the notice 七星府办通〔2020〕84号 of 2020-06-04, published, citing its two basis documents', () => {
    expect(qixingguan2020.docNumber).toBe('七星府办通〔2020〕84号');
    expect(qixingguan2020.issuer).toBe('毕节市七星关区人民政府办公室');
    expect(qixingguan2020.issuedOn).toBe('2020-06-04');
    expect(qixingguan2020.year).toBe(2020);
    expect(qixingguan2020.publicity).toBe('public');
    expect(qixingguan2020.basis.map((b) => b.docNumber)).toEqual([
      '黔府办函〔2020〕23号',
      '毕府办函〔2020〕30号',
    ]);
    expect(qixingguan2020.recipients.map((r) => (r.kind === 'collective' ? r.collective : r.kind))).toEqual([
      'townships',
      'departments',
      'affiliated_agencies',
    ]);
  });

  it('holds 3 categories, 11 key tasks numbered 1–11, 3 safeguard measures and 31 work items', () => {
    expect(qixingguan2020.categories).toHaveLength(3);
    const tasks = qixingguan2020.categories.flatMap((c) => c.keyTasks);
    expect(tasks.map((t) => t.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(qixingguan2020.categories.map((c) => c.keyTasks.length)).toEqual([5, 3, 3]);
    expect(qixingguan2020.safeguards.map((s) => s.title)).toEqual([
      '强化组织领导',
      '强化教育培训',
      '强化跟踪落实',
    ]);
    expect(items).toHaveLength(31);
    expect(tasks.map((t) => t.workItems.length)).toEqual([6, 4, 1, 5, 2, 1, 1, 7, 1, 1, 2]);
  });

  it('has the gas item led by 区住房和城乡建设局 and the power item by 市郊供电局 and 城区供电分局', () => {
    const gas = items.find((i) => i.content.includes('供气'));
    const power = items.find((i) => i.content.includes('供电'));
    expect(gas && leadIds(gas)).toEqual(['housing-construction']);
    expect(gas?.leadUnitsText).toBe('区住房和城乡建设局');
    expect(power && leadIds(power)).toEqual(['suburban-power', 'urban-power-branch']);
    expect(power?.leadUnitsText).toBe('市郊供电局、城区供电分局');
  });

  it('has task 5’s second item due 2020年7月底前', () => {
    expect(task(5).workItems[1]?.deadlineText).toBe('2020年7月底前');
  });

  it('reads the merged 责任单位 cells of task 1 as the cell above', () => {
    const [first, ...rest] = task(1).workItems;
    expect(first?.responsibleUnitsText).toBe('区政府其他工作部门、各直属机构,各乡镇街道');
    for (const item of rest) expect(item.responsibleUnitsText).toBe(first?.responsibleUnitsText);
  });

  it('expands every item of task 1 to all 48 街道/镇/乡 as responsible', () => {
    const townships = collectiveMembers(qixingguan2020.units, 'townships');
    expect(townships).toHaveLength(48);
    for (const item of task(1).workItems) {
      const responsible = expandWorkItem(qixingguan2020, item)
        .filter((a) => a.role === 'responsible' && a.via?.collective === 'townships')
        .map((a) => a.unitId);
      expect(responsible).toEqual(townships);
    }
  });

  it('never makes a lead also responsible, and leaves the leads out of 区政府其他工作部门', () => {
    const assignments = expandAssignments(qixingguan2020);
    const byItem = new Map<string, typeof assignments>();
    for (const a of assignments) byItem.set(a.workItemId, [...(byItem.get(a.workItemId) ?? []), a]);
    expect(byItem.size).toBe(31);
    for (const list of byItem.values()) {
      const leads = new Set(list.filter((a) => a.role === 'lead').map((a) => a.unitId));
      expect(list.filter((a) => a.role === 'responsible' && leads.has(a.unitId))).toEqual([]);
      expect(new Set(list.map((a) => `${a.unitId}`)).size).toBe(list.length);
    }
    const gas = assignments.filter((a) => a.workItemId === 'qixingguan-2020/t8/i6');
    expect(gas.find((a) => a.unitId === 'housing-construction')?.role).toBe('lead');
    expect(gas.find((a) => a.unitId === 'water')).toEqual({
      workItemId: 'qixingguan-2020/t8/i6',
      unitId: 'water',
      role: 'responsible',
      via: { collective: 'other_departments', phrase: '区政府其他工作部门' },
    });
  });

  it('carries the key tasks’ body units and deadline wording', () => {
    expect(task(1).leadUnits.map((r) => r.kind)).toEqual(Array(12).fill('unit'));
    expect(task(6).deadlinePhrases.map((p) => p.text)).toEqual(['7月中旬前', '10月底前']);
    expect(task(5).deadlinePhrases.map((p) => p.text)).toEqual(['7月底前', '年底前']);
    expect(task(10).deadlinePhrases.map((p) => p.text)).toEqual([
      '待省政府办公厅建立全省政府系统政务新媒体备案管理系统后',
    ]);
    expect(qixingguan2020.safeguards[1]?.deadlinePhrases.map((p) => p.text)).toEqual(['每年至少要组织1—2次']);
    expect(qixingguan2020.safeguards[2]?.deadlinePhrases.map((p) => p.text)).toEqual(['从二季度起']);
  });

  it('reads every unit the plan names: no unknown name anywhere', () => {
    const refs = [
      ...qixingguan2020.recipients,
      ...qixingguan2020.categories.flatMap((c) =>
        c.keyTasks.flatMap((t) => [
          ...t.leadUnits,
          ...t.responsibleUnits,
          ...t.workItems.flatMap((i) => [...i.leadUnits, ...i.responsibleUnits]),
        ]),
      ),
      ...qixingguan2020.safeguards.flatMap((s) => [...s.leadUnits, ...s.responsibleUnits]),
    ];
    expect(refs.filter((r) => r.kind === 'unknown')).toEqual([]);
  });

  it('matches the published text: every annex cell, in order, and every body paragraph', () => {
    const text = readFileSync(SEED, 'utf8');
    const annex = text.slice(text.lastIndexOf('毕节市七星关区2020年政务公开重点任务分解表'));
    const cells = annex
      .split('\n')
      .slice(1)
      .map((l) => l.replace(/\s*\|[\s|]*$/u, ''))
      .filter((c) => c !== '');
    const written: string[] = ['类别', '重点任务', '牵头单位', '责任单位', '完成时限'];
    for (const category of qixingguan2020.categories) {
      written.push(category.title);
      for (const t of category.keyTasks) {
        written.push(`${t.number}.`);
        t.workItems.forEach((item, i) => {
          written.push(item.content, item.leadUnitsText);
          if (i === 0) written.push(item.responsibleUnitsText);
          written.push(item.deadlineText);
        });
      }
    }
    // Key task cells are written with their number; compare those by prefix.
    expect(cells).toHaveLength(written.length);
    cells.forEach((cell, i) => {
      const want = written[i] ?? '';
      if (/^\d+\.$/u.test(want)) expect(cell.startsWith(want)).toBe(true);
      else expect(cell).toBe(want);
    });
    for (const t of qixingguan2020.categories.flatMap((c) => c.keyTasks)) {
      expect(text).toContain(
        `${t.number}.${t.title}。${t.body}(牵头单位:${t.leadUnitsText};责任单位:${t.responsibleUnitsText})`,
      );
    }
    for (const s of qixingguan2020.safeguards) {
      expect(text).toContain(
        `${s.title}。${s.body}(牵头单位:${s.leadUnitsText};责任单位:${s.responsibleUnitsText})`,
      );
    }
  });
});
