/** Comparing deadline wording within one plan (for `lintPlan`). @internal */
import { assertNever } from '../../_lib/core-error';
import { parseDeadline } from '../../deadlines/parse-deadline';
import type { Plan } from '../types';

/**
 * A comparison key for deadline wording within one plan, from what `parseDeadline` reads: `2020年7月底前`
 * and `7月底前` agree (same due date), and so do 年底前, 年内 and 全年; every standing duty (立即落实,长期坚持,
 * with or without 并) is one key; an awaited event is keyed by the event. Unreadable wording is compared as text.
 */
export function deadlineKey(text: string, plan: Plan): string {
  const parsed = parseDeadline(text, { planYear: plan.year, issuedOn: plan.issuedOn });
  if (!parsed.ok) return `text:${text.normalize('NFKC').replace(/\s/gu, '')}`;
  const deadline = parsed.value;
  switch (deadline.kind) {
    case 'by':
      return `by:${deadline.dueOn}`;
    case 'ongoing':
      return 'ongoing';
    case 'afterEvent':
      return `after:${deadline.event.key}`;
    case 'milestones':
    case 'recurring':
    case 'relative':
      return `${deadline.kind}:${text.normalize('NFKC').replace(/\s/gu, '')}`;
    default:
      return assertNever(deadline, 'deadline');
  }
}
