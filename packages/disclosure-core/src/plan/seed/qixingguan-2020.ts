import { CoreError } from '../../_lib/core-error';
import { qixingguanUnits } from '../../units/data/qixingguan-units';
import { createPlan } from '../create-plan';
import type { Plan } from '../types';
import { QIXINGGUAN_2020_INPUT } from './qixingguan-2020-input';

function buildQixingguan2020(): Plan {
  const result = createPlan({ ...QIXINGGUAN_2020_INPUT, units: qixingguanUnits });
  if (!result.ok) {
    throw new CoreError('INVALID_PLAN', `The bundled seed plan is invalid: ${JSON.stringify(result.issues)}`);
  }
  return result.value;
}

/**
 * The 七星关区 2020 政务公开工作实施方案 (七星府办通〔2020〕84号) as a validated {@link Plan}: 3
 * categories, 11 key tasks, 3 safeguard measures and the annex's 31 work items, with its unit
 * registry (`qixingguan2020.units`: the units the plan names and the district's 48 街道/镇/乡).
 *
 * @example
 * ```ts
 * import { qixingguan2020, expandAssignments } from '@qxg/disclosure-core';
 * qixingguan2020.docNumber; // '七星府办通〔2020〕84号'
 * expandAssignments(qixingguan2020).length;
 * ```
 */
export const qixingguan2020: Plan = /* @__PURE__ */ buildQixingguan2020();
