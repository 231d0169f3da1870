// Explanation lines as stored and as the API gives them: grouped under their indicator, Chinese
// by default and English on request.
//
// `assessment_explanations` keeps each line's Chinese (`text`), English (`text_en`) and indicator
// (`indicator_id`) in columns of their own, for SQL analysts as much as for the API. Rows stored
// before those columns existed have only `text` ("中文(English)"): no indicator, no English.

/** An explanation line as the API reads it. */
export interface ExplanationLineShape {
  readonly unitId: string | null;
  readonly order: number;
  readonly points: number | null;
  /** The line in Chinese. */
  readonly text: string;
  /** The line in English; null for rows stored before it was kept. */
  readonly textEn: string | null;
  /** The scheme indicator the line explains; null for rows stored before it was kept. */
  readonly indicatorId: string | null;
}

/** What the grouping reads of a stored unit result: the core's `IndicatorScore` trees. */
interface IndicatorScoreShape {
  readonly indicatorId: string;
  readonly name: string;
  readonly max: number;
  readonly score: number;
  readonly children?: readonly IndicatorScoreShape[];
}

interface UnitResultShape {
  readonly unitId: string;
  readonly indicators?: readonly IndicatorScoreShape[];
  readonly bonuses?: readonly IndicatorScoreShape[];
}

/** One scored (leaf) indicator with the lines that make its score. */
export interface IndicatorExplanation {
  readonly indicatorId: string;
  /** The indicator's name with its groups: 保障措施落实 › 组织领导. */
  readonly path: readonly string[];
  readonly max: number;
  readonly score: number;
  readonly bonus: boolean;
  readonly lines: readonly ExplanationLineShape[];
}

/**
 * A unit's lines grouped under their (leaf) indicators, in the scheme's order, bonuses last; each
 * group with its indicator's path, most points and score. Lines whose indicator the results do
 * not name (older runs) come last in a group of their own (`indicatorId` '').
 */
export function groupExplanation(
  results: unknown,
  unitId: string,
  lines: readonly ExplanationLineShape[],
): IndicatorExplanation[] {
  const units = ((results as { units?: readonly UnitResultShape[] } | null)?.units ??
    []) as UnitResultShape[];
  const unit = units.find((u) => u.unitId === unitId);
  const byIndicator = new Map<string, ExplanationLineShape[]>();
  for (const l of lines) {
    if (l.unitId !== unitId) continue;
    const id = l.indicatorId ?? '';
    const list = byIndicator.get(id);
    if (list) list.push(l);
    else byIndicator.set(id, [l]);
  }
  const groups: IndicatorExplanation[] = [];
  const walk = (
    list: readonly IndicatorScoreShape[] | undefined,
    path: readonly string[],
    bonus: boolean,
  ) => {
    for (const i of list ?? []) {
      const here = [...path, i.name];
      if (i.children && i.children.length > 0) {
        walk(i.children, here, bonus);
        continue;
      }
      groups.push({
        indicatorId: i.indicatorId,
        path: here,
        max: i.max,
        score: i.score,
        bonus,
        lines: byIndicator.get(i.indicatorId) ?? [],
      });
      byIndicator.delete(i.indicatorId);
    }
  };
  walk(unit?.indicators, [], false);
  walk(unit?.bonuses, [], true);
  const rest = [...byIndicator.values()].flat();
  if (rest.length > 0) {
    groups.push({
      indicatorId: '',
      path: [],
      max: 0,
      score: rest.reduce((s, l) => s + (l.points ?? 0), 0),
      bonus: false,
      lines: rest,
    });
  }
  return groups;
}
