/**
 * Test helpers shared by the deadline suites: read a phrase that must parse, or its due day.
 * @internal
 */
import { type ParseDeadlineOptions, parseDeadline } from '../parse-deadline';
import type { Deadline } from '../types';

type Extra = Partial<ParseDeadlineOptions>;

/** `read` (the deadline, or an error naming the issues) and `dueOf` (a `by` deadline's day) for one set of options. */
export function deadlineReader(options: ParseDeadlineOptions): {
  read: (text: string, extra?: Extra) => Deadline;
  dueOf: (text: string, extra?: Extra) => string;
} {
  const read = (text: string, extra: Extra = {}): Deadline => {
    const r = parseDeadline(text, { ...options, ...extra });
    if (!r.ok) throw new Error(`${text}: ${JSON.stringify(r.issues)}`);
    return r.value;
  };
  const dueOf = (text: string, extra: Extra = {}): string => {
    const d = read(text, extra);
    if (d.kind !== 'by') throw new Error(`${text} read as ${d.kind}`);
    return d.dueOn;
  };
  return { read, dueOf };
}
