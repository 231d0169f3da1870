/** The indicator tree of a scheme definition (the core's `AssessmentScheme`), for display and editing. */

export interface IndicatorNode {
  readonly key: string;
  readonly id: string;
  readonly name: string;
  readonly points: number;
  readonly method: string | null;
  readonly rationale: string | null;
  readonly children?: IndicatorNode[];
}

export interface ClassTree {
  readonly id: string;
  readonly name: string;
  readonly indicators: IndicatorNode[];
  readonly bonuses: IndicatorNode[];
}

interface RawIndicator {
  id?: unknown;
  name?: unknown;
  points?: unknown;
  kind?: unknown;
  rationale?: unknown;
  method?: { kind?: unknown };
  children?: unknown;
}

const METHOD_LABELS: Readonly<Record<string, string>> = {
  completion: '按完成情况',
  timeliness: '按时限扣分',
  events: '按事件加减分',
  recurring: '按次数',
  manual: '人工评分',
};

function toNode(raw: RawIndicator, prefix: string): IndicatorNode {
  const id = String(raw.id ?? '');
  const key = `${prefix}/${id}`;
  const children = Array.isArray(raw.children)
    ? (raw.children as RawIndicator[]).map((c) => toNode(c, key))
    : undefined;
  const method =
    typeof raw.method?.kind === 'string' ? (METHOD_LABELS[raw.method.kind] ?? raw.method.kind) : null;
  return {
    key,
    id,
    name: String(raw.name ?? id),
    points: Number(raw.points ?? 0),
    method,
    rationale: typeof raw.rationale === 'string' ? raw.rationale : null,
    ...(children && children.length > 0 ? { children } : {}),
  };
}

export function readSchemeTree(definition: unknown): ClassTree[] {
  const classes = (definition as { classes?: unknown } | null)?.classes;
  if (!Array.isArray(classes)) return [];
  return classes.map((c: { id?: unknown; name?: unknown; indicators?: unknown; bonuses?: unknown }) => ({
    id: String(c.id ?? ''),
    name: String(c.name ?? c.id ?? ''),
    indicators: Array.isArray(c.indicators)
      ? (c.indicators as RawIndicator[]).map((i) => toNode(i, String(c.id)))
      : [],
    bonuses: Array.isArray(c.bonuses)
      ? (c.bonuses as RawIndicator[]).map((i) => toNode(i, `${String(c.id)}+`))
      : [],
  }));
}

/**
 * Returns a copy of the definition with one indicator's points changed (`path` is the node key:
 * class id, then indicator ids). Groups keep their own points; the core validates the sums.
 */
export function setIndicatorPoints(definition: unknown, key: string, points: number): unknown {
  const copy = structuredClone(definition) as {
    classes?: { id: string; indicators?: RawIndicator[]; bonuses?: RawIndicator[] }[];
  };
  const [head, ...ids] = key.split('/');
  const bonus = head?.endsWith('+') ?? false;
  const classId = bonus ? head?.slice(0, -1) : head;
  const cls = copy.classes?.find((c) => c.id === classId);
  let list: RawIndicator[] | undefined = bonus ? cls?.bonuses : cls?.indicators;
  let target: RawIndicator | undefined;
  for (const id of ids) {
    target = list?.find((i) => String(i.id) === id);
    list = Array.isArray(target?.children) ? (target.children as RawIndicator[]) : undefined;
  }
  if (!target) throw new Error(`找不到指标 ${key}`);
  target.points = points;
  return copy;
}
