/** Unit checks of `lintPlan`: unknown names, and units both leading and responsible. @internal */
import { expandUnitRefs } from '../../units/expand-unit-refs';
import type { UnitRef } from '../../units/resolve-unit-names';
import type { Lint, Where } from './lint-context';

/** An `unknown_unit` error for each name the registry does not know. */
export function reportUnknown(lint: Lint, refs: readonly UnitRef[], path: string, where: Where): void {
  for (const ref of refs) {
    if (ref.kind !== 'unknown') continue;
    lint.add(
      'unknown_unit',
      'error',
      { zh: `单位名录中没有“${ref.text}”`, en: `The unit registry has no unit named "${ref.text}"` },
      { path, text: ref.text, offset: ref.offset },
      where,
    );
  }
}

/** A lead also named (or reached through a collective) among the responsible units. */
export function checkLeadAndResponsible(
  lint: Lint,
  leadRefs: readonly UnitRef[],
  responsibleRefs: readonly UnitRef[],
  path: string,
  where: Where,
): void {
  const leads = expandUnitRefs(leadRefs, lint.plan.units).map((l) => l.unitId);
  const leadSet = new Set(leads);
  for (const r of expandUnitRefs(responsibleRefs, lint.plan.units, { leads })) {
    if (!leadSet.has(r.unitId)) continue;
    const name = lint.unitName(r.unitId);
    if (r.via) {
      lint.add(
        'lead_in_responsible_collective',
        'info',
        {
          zh: `牵头单位${name}也属于责任单位“${r.via.phrase}”;按牵头单位计`,
          en: `Lead unit ${name} is also within the responsible units "${r.via.phrase}"; it counts as a lead`,
        },
        { path: `${path}.responsibleUnitsText`, text: r.via.phrase },
        where,
      );
    } else {
      lint.add(
        'lead_and_responsible',
        'warning',
        {
          zh: `${name}既是牵头单位又是责任单位`,
          en: `${name} is named both as a lead and as a responsible unit`,
        },
        { path: `${path}.responsibleUnitsText`, text: name },
        where,
      );
    }
  }
}
