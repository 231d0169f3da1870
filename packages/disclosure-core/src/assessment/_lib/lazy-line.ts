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
      this.#message = this.#notes === '' ? base : withNotes(base, this.#notes);
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
  // Two literals rather than a spread (the same keys in the same order): one allocation per line.
  return cappedFrom !== undefined && cappedFrom !== hundredths
    ? { indicatorId, hundredths, points: hundredths / 100, source, message, cappedFrom }
    : { indicatorId, hundredths, points: hundredths / 100, source, message };
}

/**
 * A line of an indicator: a {@link LazyScoreLine}, or when `eager` the plain line it turns into
 * (its sentence written now, from the same wording), without making the lazy one first.
 */
export function makeLine(
  eager: boolean,
  indicatorId: string,
  hundredths: number,
  source: LineSource,
  text: LineText,
  ref: unknown,
  notes: Notes = '',
): ScoreLine {
  if (!eager) return new LazyScoreLine(indicatorId, hundredths, source, text, ref, notes);
  const base = text.text(ref, hundredths, source);
  return plain(indicatorId, hundredths, source, notes === '' ? base : withNotes(base, notes));
}

/** A plain line's sentence with a cap (`'c'`) or floor (`'f'`) note, as a lazy line writes it. */
export function cutMessage(m: LocalizedMessage, kind: 'c' | 'f'): LocalizedMessage {
  return withNotes(m, kind);
}

/** Lazy lines as plain objects with their sentences written (eager lines are returned as they are). */
export function eagerLines(lines: readonly ScoreLine[]): ScoreLine[] {
  const out: ScoreLine[] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as ScoreLine;
    out[i] = l instanceof LazyScoreLine ? l.toJSON() : l;
  }
  return out;
}

/**
 * Sentences already written, by work item, status and one number (the amount, or the days late):
 * most lines of a province-scale scoring say the same thing (one item, one status, one share), so
 * each distinct sentence is written once per scoring and shared, frozen, by every line that says
 * it. Keyed by nested maps, so a look-up allocates nothing.
 */
export class SentenceMemo {
  readonly #byItem = new Map<string, Map<string, Map<number, LocalizedMessage>>>();

  get(item: string, status: string, n: number): LocalizedMessage | undefined {
    return this.#byItem.get(item)?.get(status)?.get(n);
  }

  /** Remembers `m` (frozen) and returns it. */
  set(item: string, status: string, n: number, m: LocalizedMessage): LocalizedMessage {
    let byStatus = this.#byItem.get(item);
    if (byStatus === undefined) {
      byStatus = new Map();
      this.#byItem.set(item, byStatus);
    }
    let byNumber = byStatus.get(status);
    if (byNumber === undefined) {
      byNumber = new Map();
      byStatus.set(status, byNumber);
    }
    const frozen = Object.freeze(m);
    byNumber.set(n, frozen);
    return frozen;
  }
}

/**
 * A sentence with its notes (see {@link LazyScoreLine}), shared by the lines whose base sentence is
 * the same shared object (weakly: it goes with the base sentence).
 */
const NOTED = new WeakMap<LocalizedMessage, Map<string, LocalizedMessage>>();

function withNotes(base: LocalizedMessage, notes: Notes): LocalizedMessage {
  let byNotes = NOTED.get(base);
  const hit = byNotes?.get(notes);
  if (hit !== undefined) return hit;
  let m = base;
  for (const n of notes) m = n === 'e' ? estimateNote(m) : capNote(m, n === 'c' ? 'cap' : 'floor');
  if (Object.isFrozen(base)) {
    // Only shared (frozen) sentences are worth remembering; a line's own one is read once.
    if (byNotes === undefined) {
      byNotes = new Map();
      NOTED.set(base, byNotes);
    }
    m = Object.freeze(m);
    byNotes.set(notes, m);
  }
  return m;
}

/**
 * Wording that depends on one amount only (基础分 N 分, 不扣分(N分)): written once per amount. The
 * amounts are a scheme's indicator points, a handful; the memo is bounded all the same.
 */
export function amountText(write: (amount: number) => LocalizedMessage): LineText {
  const memo = new Map<number, LocalizedMessage>();
  return {
    text: (_, amount) => {
      let m = memo.get(amount);
      if (m === undefined) {
        if (memo.size >= 1_000) memo.clear();
        m = Object.freeze(write(amount));
        memo.set(amount, m);
      }
      return m;
    },
  };
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
  const frozen = Object.freeze(message);
  return { text: () => frozen };
}
