/**
 * The outcome of an operation whose failure is expected (bad input from a user or a document):
 * either a value, or the issues that stopped it. Programmer errors throw {@link CoreError} instead.
 */
export type Result<T, I = Issue> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly I[] };

/** A message a person reads, in Chinese and in English. */
export interface LocalizedMessage {
  readonly zh: string;
  readonly en: string;
}

/** Where in a source text something happened. All fields optional: a location says what it knows. */
export interface SourceLocation {
  /** 1-based line in a document. */
  readonly line?: number;
  /** 0-based character offset into the text that was being read. */
  readonly offset?: number;
  /** Sheet name of a spreadsheet. */
  readonly sheet?: string;
  /** 1-based row in a spreadsheet or table. */
  readonly row?: number;
  /** Column name or letter. */
  readonly column?: string;
  /** The phrase being read when the issue arose. */
  readonly text?: string;
  /** A path into a structured value, e.g. `keyTasks[3].workItems[1].leadUnits`. */
  readonly path?: string;
}

/** One expected problem: a machine-readable code, a bilingual message and where it happened. */
export interface Issue<Code extends string = string> {
  readonly code: Code;
  readonly message: LocalizedMessage;
  readonly location?: SourceLocation;
}

/** @internal */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/** @internal */
export function fail<I>(issues: readonly I[]): { readonly ok: false; readonly issues: readonly I[] } {
  return { ok: false, issues };
}
