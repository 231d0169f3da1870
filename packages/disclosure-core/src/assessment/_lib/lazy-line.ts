/**
 * Score lines whose sentence is written when it is read. A province-scale scoring makes ~500,000
 * lines; formatting two sentences for each (and keeping them alive) was most of its time and memory.
 * A lazy line keeps every number and its source eagerly; its `message` is formatted on first read
 * from a context shared by the lines of one indicator for one unit, and cached.
 * @internal
 */
import type { LocalizedMessage } from '../../_lib/result';
import { ESTIMATE_NOTE } from '../../deadlines/_lib/format';
import type { LineSource, ScoreLine } from '../types';

/**
 * How the lines of one indicator (for one unit) are worded: `text` gets the line's own datum (an
 * event, days late …), the amount the line had before any cap or floor cut it, and its source.
 */
export interface LineText {
  text(this: LineText, ref: unknown, amount: number, source: LineSource): LocalizedMessage;
}

/**
 * A line's notes, in the order they were applied: 'e' its status rests on an estimated date (set
 * when the line is made), 'c' cap, 'f' floor.
 */
type Notes = string;

export class LazyScoreLine implements ScoreLine {
  readonly indicatorId: string;
  readonly hundredths: number;
  readonly source: LineSource;
  declare readonly cappedFrom?: number;
  readonly #text: LineText;
  readonly #ref: unknown;
  readonly #notes: Notes;
  #message: LocalizedMessage | undefined;

  constructor(
    indicatorId: string,
    hundredths: number,
    source: LineSource,
    text: LineText,
    ref: unknown,
    notes: Notes = '',
    cappedFrom?: number,
  ) {
    this.indicatorId = indicatorId;
    this.hundredths = hundredths;
    this.source = source;
    if (cappedFrom !== undefined && cappedFrom !== hundredths) {
      (this as { cappedFrom?: number }).cappedFrom = cappedFrom;
    }
    this.#text = text;
    this.#ref = ref;
    this.#notes = notes;
    this.#message = undefined;
  }

  get points(): number {
    return this.hundredths / 100;
  }

  get message(): LocalizedMessage {
    if (this.#message === undefined) {
      // The sentence speaks of the amount before the first cut; the notes say what cut it.
      const base = this.#text.text(this.#ref, this.cappedFrom ?? this.hundredths, this.source);
      let m = base;
      for (const n of this.#notes) m = n === 'e' ? estimateNote(m) : capNote(m, n === 'c' ? 'cap' : 'floor');
      this.#message = m;
    }
    return this.#message;
  }

  /** This line cut to `amount` by a cap (`amount` below it) or a floor. */
  cut(amount: number): LazyScoreLine {
    return new LazyScoreLine(
      this.indicatorId,
      amount,
      this.source,
      this.#text,
      this.#ref,
      this.#notes + (amount < this.hundredths ? 'c' : 'f'),
      this.cappedFrom ?? this.hundredths,
    );
  }

  /** The line as a plain object, key for key what an eager line is (JSON.stringify uses it). */
  toJSON(): ScoreLine {
    return plain(this.indicatorId, this.hundredths, this.source, this.message, this.cappedFrom);
  }
}

/** A plain (eager) line object. */
export function plain(
  indicatorId: string,
  hundredths: number,
  source: LineSource,
  message: LocalizedMessage,
  cappedFrom?: number,
): ScoreLine {
  return {
    indicatorId,
    hundredths,
    points: hundredths / 100,
    source,
    message,
    ...(cappedFrom !== undefined && cappedFrom !== hundredths ? { cappedFrom } : {}),
  };
}

/** Lazy lines as plain objects with their sentences written (eager lines are returned as they are). */
export function eagerLines(lines: readonly ScoreLine[]): ScoreLine[] {
  return lines.map((l) => (l instanceof LazyScoreLine ? l.toJSON() : l));
}

export function capNote(m: LocalizedMessage, kind: 'cap' | 'floor'): LocalizedMessage {
  return kind === 'cap'
    ? { zh: `${m.zh}(已达上限)`, en: `${m.en} (cap reached)` }
    : { zh: `${m.zh}(已扣至0分)`, en: `${m.en} (floored at 0)` };
}

/** The sentence of a line whose status rests on a date past the calendar, saying so. */
export function estimateNote(m: LocalizedMessage): LocalizedMessage {
  return { zh: `${m.zh}${ESTIMATE_NOTE.zh}`, en: `${m.en}${ESTIMATE_NOTE.en}` };
}

/** Wording for a line whose sentence is already known (one line per unit and indicator). */
export function fixedText(message: LocalizedMessage): LineText {
  return { text: () => message };
}
