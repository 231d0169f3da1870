/**
 * How score lines name a work item and a status: 任务5 第2项(…内容…), never the internal id; the
 * English line says Task 5 item 2 (…) with the plan's own (Chinese) words.
 * @internal
 */
import type { LocalizedMessage } from '../../_lib/result';
import type { DeadlineStatus } from '../../deadlines/evaluate-status';
import type { WorkItemId } from '../../plan/types';
import { STATUS_INFO } from '../../progress/status-vocabulary';
import type { WorkItemPlace } from '../indicator-context';

/** Characters of a work item's content a line quotes before "…". */
const QUOTE_LENGTH = 24;

/** A work item's name in a score line, from where it sits; its id when the plan does not place it. */
export type ItemLabels = (item: WorkItemId | string) => LocalizedMessage;

/** Labels for the items of one plan (each written once, then kept). */
export function itemLabels(places: ReadonlyMap<WorkItemId, WorkItemPlace>): ItemLabels {
  const memo = new Map<string, LocalizedMessage>();
  return (item) => {
    let m = memo.get(item);
    if (m === undefined) {
      m = Object.freeze(labelOf(item, places.get(item as WorkItemId)));
      memo.set(item, m);
    }
    return m;
  };
}

function labelOf(item: string, place: WorkItemPlace | undefined): LocalizedMessage {
  if (!place) return { zh: item, en: item };
  const quote = place.content ? quoteOf(place.content) : '';
  if (place.ordinal === undefined) {
    return {
      zh: `任务${place.keyTask}${quote ? `(${quote})` : ''}`,
      en: `Task ${place.keyTask}${quote ? ` (${quote})` : ''}`,
    };
  }
  return {
    zh: `任务${place.keyTask} 第${place.ordinal}项${quote ? `(${quote})` : ''}`,
    en: `Task ${place.keyTask} item ${place.ordinal}${quote ? ` (${quote})` : ''}`,
  };
}

function quoteOf(content: string): string {
  const text = content.replace(/\s+/g, '');
  const chars = Array.from(text);
  return chars.length <= QUOTE_LENGTH ? text : `${chars.slice(0, QUOTE_LENGTH).join('')}…`;
}

/** A deadline status as score lines say it: its label in the status vocabulary (已逾期, 逾期完成 …). */
export function statusWords(status: DeadlineStatus): LocalizedMessage {
  return STATUS_INFO[status].label;
}
