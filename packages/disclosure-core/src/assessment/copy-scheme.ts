import type { Result } from '../_lib/result';
import type { Plan } from '../plan/types';
import type {
  Applicability,
  AssessmentScheme,
  Indicator,
  ScoringMethod,
  UnitClass,
  WorkScope,
} from './types';
import { type SchemeIssue, validateScheme } from './validate-scheme';

/**
 * What {@link copySchemeToPlan} may set on the copy: its id and name (by default the plan's id with
 * `-assessment`, and the source's name with the plan's year).
 *
 * @example
 * ```ts
 * const o: CopySchemeOptions = { name: '2021年度政务公开考核' };
 * ```
 */
export interface CopySchemeOptions {
  readonly id?: string;
  readonly name?: string;
}

/**
 * A scheme made for another plan from an existing one: the same classes, indicators, weights,
 * methods, caps, bonuses and grades; the period becomes the plan's (its issue date to the end of
 * its year); the categories, key tasks and work items the scopes name and the units the classes
 * include or exclude are kept where the plan has them and dropped where it does not (a scope whose
 * every entry was dropped keeps an empty list: nothing of the plan falls in it, and the indicator
 * scores as "nothing due"). The copy is checked with `validateScheme(copy, { plan })`.
 *
 * @example
 * ```ts
 * const r = copySchemeToPlan(qixingguan2020Assessment, importedPlan);
 * if (r.ok) r.value.period; // { from: importedPlan.issuedOn, to: `${importedPlan.year}-12-31` }
 * ```
 */
export function copySchemeToPlan(
  source: AssessmentScheme,
  plan: Plan,
  options: CopySchemeOptions = {},
): Result<AssessmentScheme, SchemeIssue> {
  const has = {
    categories: new Set(plan.categories.map((c) => c.ordinal)),
    keyTasks: new Set(plan.categories.flatMap((c) => c.keyTasks.map((t) => t.number))),
    workItems: new Set<string>(
      plan.categories.flatMap((c) => c.keyTasks.flatMap((t) => t.workItems.map((i) => i.id))),
    ),
    units: new Set<string>(plan.units.units.map((u) => u.id)),
  };
  const end = `${plan.year}-12-31`;
  const from = plan.issuedOn <= end ? plan.issuedOn : `${plan.year}-01-01`;
  const copy: AssessmentScheme = {
    ...source,
    id: options.id ?? `${plan.id}-assessment`,
    name: options.name ?? renameForYear(source.name, plan.year),
    period: { from, to: end },
    classes: source.classes.map((c): UnitClass => copyClass(c, has)),
  };
  return validateScheme(copy, { plan });
}

interface Present {
  readonly categories: ReadonlySet<number>;
  readonly keyTasks: ReadonlySet<number>;
  readonly workItems: ReadonlySet<string>;
  readonly units: ReadonlySet<string>;
}

function copyClass(c: UnitClass, has: Present): UnitClass {
  const a = c.appliesTo;
  const appliesTo: Applicability = {
    ...a,
    ...(a.include ? { include: a.include.filter((u) => has.units.has(u)) } : {}),
    ...(a.exclude ? { exclude: a.exclude.filter((u) => has.units.has(u)) } : {}),
  };
  return {
    ...c,
    appliesTo,
    indicators: c.indicators.map((i) => copyIndicator(i, has)),
    ...(c.bonuses ? { bonuses: c.bonuses.map((i) => copyIndicator(i, has)) } : {}),
  };
}

function copyIndicator(i: Indicator, has: Present): Indicator {
  if (i.kind === 'group') return { ...i, children: i.children.map((c) => copyIndicator(c, has)) };
  return { ...i, method: copyMethod(i.method, has) };
}

function copyMethod(m: ScoringMethod, has: Present): ScoringMethod {
  if ((m.kind !== 'completion' && m.kind !== 'timeliness') || !m.scope) return m;
  const s = m.scope;
  const scope: WorkScope = {
    ...s,
    ...(s.categories ? { categories: s.categories.filter((x) => has.categories.has(x)) } : {}),
    ...(s.keyTasks ? { keyTasks: s.keyTasks.filter((x) => has.keyTasks.has(x)) } : {}),
    ...(s.workItems ? { workItems: s.workItems.filter((x) => has.workItems.has(x)) } : {}),
  };
  return { ...m, scope };
}

/** The source's name with its year (20xx年) replaced by the plan's, or the year put in front. */
function renameForYear(name: string, year: number): string {
  return /20\d\d年/.test(name) ? name.replace(/20\d\d年/, `${year}年`) : `${year}年 ${name}`;
}
