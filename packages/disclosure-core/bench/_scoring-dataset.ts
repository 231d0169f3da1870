/**
 * The province-scale dataset of the scoring benchmark (issue 5): ≈6,000 units with 60 assignments
 * each, 5 reports per assignment (1.8 M reports, some corrections), and outside events.
 * Deterministic: a seeded generator, the same figures on every machine.
 */
import {
  type Assignment,
  createUnitRegistry,
  type EventId,
  type OutsideEvent,
  type Plan,
  type PlanId,
  type ProgressReport,
  type ReportId,
  type UnitInput,
  type WorkItemId,
} from '../src/index';

const DEPARTMENTS = 1_200;
const TOWNSHIPS = 4_800;
const ITEMS_PER_TASK = 5;
const TASKS_PER_CATEGORY = 4;
const CATEGORIES = 3; // 3 × 4 × 5 = 60 work items
const REPORTS_PER_ASSIGNMENT = 5;
export const AS_OF = '2020-12-31';

let seed = 20200604;
const rand = (): number => {
  // mulberry32: small, seeded, the same figures on every machine
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const day = (offset: number): string => new Date(Date.UTC(2020, 5, 4 + offset)).toISOString().slice(0, 10);

const DEADLINES = ['2020年7月中旬前', '2020年7月底前', '2020年9月底前', '2020年内', '立即落实,长期坚持'];

/**
 * The dataset: province scale by default; `size` makes a smaller one of the same kind (the tests
 * compare eager and lazy lines on one). The same `size` gives the same data on every call.
 */
export function generateScoringDataset(size: { departments?: number; townships?: number } = {}) {
  seed = 20200604;
  const units: UnitInput[] = [{ id: 'gov', name: '省人民政府', kind: 'government', aliases: [] }];
  for (let i = 0; i < (size.departments ?? DEPARTMENTS); i++)
    units.push({ id: `d${i}`, name: `部门${i}`, kind: 'department', aliases: [] });
  for (let i = 0; i < (size.townships ?? TOWNSHIPS); i++)
    units.push({ id: `t${i}`, name: `乡镇${i}`, kind: i % 3 ? 'town' : 'township', aliases: [] });
  const registry = createUnitRegistry(units);
  let number = 0;
  const categories = Array.from({ length: CATEGORIES }, (_, ci) => ({
    id: `bench/c${ci + 1}`,
    ordinal: ci + 1,
    title: `类别${ci + 1}`,
    keyTasks: Array.from({ length: TASKS_PER_CATEGORY }, () => {
      number++;
      const n = number;
      return {
        id: `bench/t${n}`,
        number: n,
        title: `任务${n}`,
        body: '',
        leadUnitsText: '',
        responsibleUnitsText: '',
        leadUnits: [],
        responsibleUnits: [],
        deadlinePhrases: [],
        workItems: Array.from({ length: ITEMS_PER_TASK }, (_, k) => ({
          id: `bench/t${n}/i${k + 1}` as WorkItemId,
          keyTaskNumber: n,
          ordinal: k + 1,
          content: `事项${n}.${k + 1}`,
          leadUnitsText: '',
          responsibleUnitsText: '',
          deadlineText: DEADLINES[(n + k) % DEADLINES.length] as string,
          leadUnits: [],
          responsibleUnits: [],
        })),
      };
    }),
  }));
  const plan: Plan = {
    id: 'bench' as PlanId,
    docNumber: '基准〔2020〕1号',
    title: '基准方案',
    issuer: '基准',
    issuedOn: '2020-06-04',
    year: 2020,
    recipientsText: '',
    recipients: [],
    publicity: 'public',
    publicityText: '此件公开发布',
    basis: [],
    categories,
    safeguards: [],
    units: registry,
  };
  const items = categories.flatMap((c) => c.keyTasks.flatMap((t) => t.workItems.map((i) => i.id)));
  const assignments: Assignment[] = [];
  const reports: ProgressReport[] = [];
  const events: OutsideEvent[] = [];
  let r = 0;
  registry.units.forEach((u, ui) => {
    if (u.kind === 'government') return;
    items.forEach((workItemId, ii) => {
      assignments.push({ workItemId, unitId: u.id, role: (ui + ii) % 20 === 0 ? 'lead' : 'responsible' });
      let previous: ReportId | undefined;
      for (let k = 0; k < REPORTS_PER_ASSIGNMENT; k++) {
        const id = `r${r++}` as ReportId;
        const state =
          k === REPORTS_PER_ASSIGNMENT - 1
            ? rand() < 0.85
              ? 'done'
              : 'partial'
            : k === 0
              ? 'started'
              : 'partial';
        const correction = k === 3 && rand() < 0.1 && previous !== undefined;
        reports.push({
          id,
          workItemId,
          unitId: u.id,
          reportedOn: day(Math.floor((k * 200) / REPORTS_PER_ASSIGNMENT + rand() * 40)),
          state,
          percent: Math.min(100, 20 * (k + 1)),
          note: '进展',
          evidence: [{ url: `https://example.gov.cn/${id}.html`, column: '政务公开' }],
          ...(correction && previous ? { supersedes: previous } : {}),
        });
        previous = id;
      }
    });
    if (rand() < 0.8)
      events.push({
        kind: 'training',
        id: `e${events.length}` as EventId,
        occurredOn: day(Math.floor(rand() * 200)),
        organizerId: u.id,
        title: '培训',
      });
    if (rand() < 0.15) {
      events.push({
        kind: 'circular',
        id: `e${events.length}` as EventId,
        occurredOn: day(Math.floor(rand() * 200)),
        level: pick(['province', 'city'] as const),
        issuer: '省政府办公厅',
        tone: rand() < 0.6 ? 'criticism' : 'commendation',
        unitIds: [u.id],
        text: '通报',
      });
    }
  });
  return { plan, assignments, reports, events };
}
