// The events a plan waits for: the keys of its work items' `afterEvent` deadlines (待…平台上线运行后,
// also as a milestone step), of relative deadlines counted from an event (自收到申请之日起…), and of
// the 待…后 phrases in the items' own words (a standing item that starts using a platform once it
// is live), each with the items that wait for it. Recording an outside event with that key starts
// the deadlines that wait for it.
import type { Prisma, QxgPrismaClient, WorkItem } from '@qxg/db';
import { type Deadline, extractDeadlinePhrases, parseDeadline } from '@qxg/disclosure-core';
import type { StoredDeadline } from './load-plan';

type Reader = QxgPrismaClient | Prisma.TransactionClient;

/** One awaited event of a plan: its key, how the plan words it, and the items waiting for it. */
export interface AwaitedEventRow {
  readonly key: string;
  /** The event as the plan describes it (the deadline's own words). */
  readonly phrase: string;
  /** The deadline phrases that wait for it (待…后立即…), one per distinct wording. */
  readonly deadlineTexts: readonly string[];
  readonly workItems: readonly WorkItem[];
  /** True when a work item's deadline itself waits for it (its status starts when it is recorded). */
  readonly startsDeadlines: boolean;
}

/** The (key, description) pairs a deadline waits for. */
export function awaitedKeys(deadline: StoredDeadline): { key: string; description: string }[] {
  const d = deadline as Deadline | { kind: 'unreadable' };
  switch (d.kind) {
    case 'afterEvent':
      return [{ key: d.event.key, description: d.event.description }];
    case 'relative':
      return d.trigger.kind === 'event' ? [{ key: d.trigger.key, description: d.trigger.description }] : [];
    case 'milestones':
      return d.steps.flatMap((s) =>
        s.deadline.kind === 'afterEvent'
          ? [{ key: s.deadline.event.key, description: s.deadline.event.description }]
          : [],
      );
    default:
      return [];
  }
}

/** The events a plan's work items wait for, in the order of the items (key task, then position). */
export async function awaitedEventsOf(prisma: Reader, planId: string): Promise<AwaitedEventRow[]> {
  const [plan, rows] = await Promise.all([
    prisma.plan.findUnique({ where: { id: planId }, select: { year: true, issuedOn: true } }),
    prisma.workItem.findMany({
      where: { keyTask: { planId } },
      include: { keyTask: { select: { number: true } } },
      orderBy: [{ keyTask: { number: 'asc' } }, { order: 'asc' }],
    }),
  ]);
  if (!plan) return [];
  const byKey = new Map<string, { phrase: string; texts: Set<string>; items: WorkItem[]; starts: boolean }>();
  const add = (key: string, phrase: string, text: string, item: WorkItem, starts: boolean) => {
    let entry = byKey.get(key);
    if (!entry) {
      entry = { phrase, texts: new Set(), items: [], starts: false };
      byKey.set(key, entry);
    }
    entry.texts.add(text);
    entry.starts ||= starts;
    if (!entry.items.includes(item)) entry.items.push(item);
  };
  for (const { keyTask: _k, ...item } of rows) {
    for (const { key, description } of awaitedKeys(item.deadline as unknown as StoredDeadline))
      add(key, description, item.deadlineText, item, true);
    for (const { text } of extractDeadlinePhrases(item.content)) {
      const parsed = parseDeadline(text, { planYear: plan.year, issuedOn: plan.issuedOn });
      if (!parsed.ok) continue;
      for (const { key, description } of awaitedKeys(parsed.value)) add(key, description, text, item, false);
    }
  }
  return [...byKey].map(([key, e]) => ({
    key,
    phrase: e.phrase,
    deadlineTexts: [...e.texts],
    workItems: e.items,
    startsDeadlines: e.starts,
  }));
}
