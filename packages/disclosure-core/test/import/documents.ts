import { parsePlanDocument } from '../../src/import/parse-plan-document';
import type { ParsedPlanDocument } from '../../src/import/types';
import { qixingguanUnits } from '../../src/units/data/qixingguan-units';

/** A 2025 要点 of a district (区) or county (县) with the given task lines under 一、重点任务. */
export function yaodian(level: '区' | '县', ...tasks: string[]): string {
  return [
    `某${level}人民政府办公室关于印发某${level}2025年政务公开工作要点的通知`,
    `某${level === '区' ? '府' : '政'}办发〔2025〕7号`,
    `某${level}人民政府办公室`,
    '2025年3月3日',
    '一、重点任务',
    ...tasks,
  ].join('\n');
}

/** {@link yaodian} read against the 七星关区 registry. */
export const readYaodian = (level: '区' | '县', ...tasks: string[]): ParsedPlanDocument =>
  parsePlanDocument(yaodian(level, ...tasks), { registry: qixingguanUnits });

/** The work items of a plan that could be built. */
export const workItemsOf = (r: ParsedPlanDocument) =>
  r.plan?.categories.flatMap((c) => c.keyTasks.flatMap((t) => t.workItems)) ?? [];
