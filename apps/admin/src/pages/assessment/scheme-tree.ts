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

/** A place in a scheme definition: keys and array indexes from the root (`['classes', 0, 'name']`). */
export type DefinitionPath = readonly (string | number)[];

/** The core's way of writing a path (`classes[0].indicators[1].points`), as its issues name them. */
export function pathString(path: DefinitionPath): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? p : `.${p}`;
  return out;
}

function cloneAlong(
  root: unknown,
  path: DefinitionPath,
): { copy: unknown; parent: Record<string | number, unknown> | null } {
  const copy = Array.isArray(root) ? [...root] : { ...(root as object) };
  let node = copy as Record<string | number, unknown>;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i] as string | number;
    const child = node[key];
    const next = Array.isArray(child) ? [...child] : { ...((child as object | undefined) ?? {}) };
    node[key] = next;
    node = next as Record<string | number, unknown>;
  }
  return { copy, parent: path.length === 0 ? null : node };
}

/** A copy of the definition with the value at `path` set (undefined removes the key); the original is left as it was. */
export function setAt(definition: unknown, path: DefinitionPath, value: unknown): unknown {
  const { copy, parent } = cloneAlong(definition ?? {}, path);
  if (!parent) return value;
  const last = path[path.length - 1] as string | number;
  if (value === undefined && !Array.isArray(parent)) delete parent[last];
  else parent[last] = value;
  return copy;
}

/** A copy of the definition without the array element at `path`. */
export function removeAt(definition: unknown, path: DefinitionPath): unknown {
  const { copy, parent } = cloneAlong(definition ?? {}, path);
  const last = path[path.length - 1];
  if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
  return copy;
}

/** A copy of the definition with `value` appended to the array at `path` (made when missing). */
export function appendAt(definition: unknown, path: DefinitionPath, value: unknown): unknown {
  const list = path.reduce<unknown>(
    (node, key) => (node as Record<string | number, unknown> | undefined)?.[key],
    definition,
  );
  return setAt(definition, path, [...(Array.isArray(list) ? list : []), value]);
}

/** A method's parameters when its kind is chosen (what `validateScheme` needs, with usual values). */
export const METHOD_DEFAULTS: Readonly<Record<string, Record<string, unknown>>> = {
  completion: { kind: 'completion', lateFraction: 0.5 },
  timeliness: { kind: 'timeliness', per: 'late_item', deduct: 1 },
  events: { kind: 'events', direction: 'deduct', each: 1, match: { kind: 'circular', tone: 'criticism' } },
  recurring: { kind: 'recurring', match: { kind: 'training' }, minimum: 1, belowMinimum: 'zero' },
  manual: { kind: 'manual', whenMissing: 'zero' },
};

export { METHOD_LABELS };
