import type { EventIssueCode, ReportIssueCode } from '@qxg/disclosure-core';
import { builder } from '../builder';

/**
 * Every code a `UserError` can carry: one closed list, the GraphQL enum `UserErrorCode` is built
 * from it. A new code is added here (with its description) and nowhere else.
 */
export const USER_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'INVALID_CREDENTIALS',
  'LOGIN_THROTTLED',
  'WEAK_PASSWORD',
  'INVALID_ID',
  'INVALID_INPUT',
  'NOT_FOUND',
  'VERSION_CONFLICT',
  'INVALID_REPORT',
  'INVALID_DATE',
  'PERCENT_MISSING',
  'INVALID_PERCENT',
  'DONE_WITHOUT_TRACE',
  'INVALID_EVIDENCE',
  'INVALID_CORRECTION',
  'INVALID_URL',
  'ALREADY_SUPERSEDED',
  'INVALID_SIZE',
  'TOO_LONG',
  'INVALID_EVENT',
  'DUPLICATE_EVENT_KEY',
  'UNKNOWN_UNIT',
  'UNKNOWN_KIND',
  'UNKNOWN_PLAN',
  'UNKNOWN_SCHEME',
  'EMPTY_NAME',
  'EMPTY_ALIAS',
  'NAME_TAKEN',
  'ALIAS_TAKEN',
  'PARENT_CYCLE',
  'INVALID_SCHEME',
  'INVALID_USERNAME',
  'USERNAME_TAKEN',
  'UNIT_REQUIRED',
  'UNIT_NOT_ALLOWED',
  'IMPORT_FAILED',
  'PLAN_EXISTS',
  'ARCHIVE_TOO_LARGE',
  'PLAN_ARCHIVED',
  'INVALID_CALENDAR',
  'CALENDAR_NOT_CONTIGUOUS',
  'OUTSIDE_CALENDAR',
  'UNKNOWN_INDICATOR',
  'INVALID_MANUAL_SCORE',
  'UNKNOWN_EVENT',
  'LAST_ADMIN',
  'UNKNOWN_SESSION',
] as const;

export type UserErrorCode = (typeof USER_ERROR_CODES)[number];

const DESCRIPTIONS: Readonly<Record<UserErrorCode, string>> = {
  UNAUTHENTICATED: 'Not signed in (请先登录).',
  FORBIDDEN: 'The viewer’s role or unit may not do this (无权执行).',
  INVALID_CREDENTIALS: 'Wrong username or password.',
  LOGIN_THROTTLED:
    'Too many failed sign-ins for this username or address: wait the seconds the message (and `retryAfterSeconds`) names (登录失败次数过多).',
  WEAK_PASSWORD:
    'The new password breaks the password policy: ≥ 10 characters, not containing the username, not one repeated character.',
  INVALID_ID: 'Not a valid id of the expected type.',
  INVALID_INPUT: 'An argument is not valid.',
  NOT_FOUND: 'The row named does not exist.',
  VERSION_CONFLICT: 'The assignment changed since it was read: reload and retry.',
  INVALID_REPORT: 'The core’s checkNewReport refused the report (an id or a milestone step).',
  INVALID_DATE: 'The report’s day is not a day, is before the plan was issued, or is after today.',
  PERCENT_MISSING: 'A PARTIAL report needs a percentage.',
  INVALID_PERCENT: 'The percentage is not within 0–100.',
  DONE_WITHOUT_TRACE: 'A DONE report needs a note or a piece of evidence (留痕).',
  INVALID_EVIDENCE: 'Evidence without an address or with an invalid publication day.',
  INVALID_CORRECTION: 'A correction must concern the same assignment and be dated no earlier.',
  INVALID_URL: 'Evidence must be an http(s) address.',
  ALREADY_SUPERSEDED: 'The report was corrected already: correct the latest one.',
  INVALID_SIZE: 'Too few or too many items (e.g. more than 20 pieces of evidence on one report).',
  TOO_LONG: 'A text is longer than allowed (a note 5,000 characters, an address 2,000, a site column 200).',
  INVALID_EVENT: 'The core’s checkOutsideEvents refused the event.',
  DUPLICATE_EVENT_KEY: 'Another event has this key.',
  UNKNOWN_UNIT: 'No unit with this id.',
  UNKNOWN_KIND: 'Not a unit kind.',
  UNKNOWN_PLAN: 'No plan with this id.',
  UNKNOWN_SCHEME: 'No such assessment scheme for this plan.',
  EMPTY_NAME: 'A name is required.',
  EMPTY_ALIAS: 'The alias is empty.',
  NAME_TAKEN: 'Another unit has this name.',
  ALIAS_TAKEN: 'The alias names another unit.',
  PARENT_CYCLE: 'A unit cannot be its own parent.',
  INVALID_SCHEME: 'The assessment scheme is invalid (the core’s validateScheme).',
  INVALID_USERNAME: 'Usernames are 2–64 letters, digits, . _ @ -.',
  USERNAME_TAKEN: 'The username exists.',
  UNIT_REQUIRED: 'A REPORTER is bound to a unit.',
  UNIT_NOT_ALLOWED: 'Only REPORTERs have a unit.',
  IMPORT_FAILED: 'The document has error findings; nothing was imported.',
  PLAN_EXISTS: 'The plan is already stored.',
  ARCHIVE_TOO_LARGE:
    'An uploaded .xlsx / .docx has more entries, or inflates to more bytes, than the zip limits allow (a zip bomb); refused before inflating it (压缩文件超出限制).',
  PLAN_ARCHIVED: 'The plan is withdrawn (archived): read-only until an ADMIN restores it (方案已撤回).',
  INVALID_CALENDAR:
    'The holiday arrangement or local day is not valid (a date, a kind, a day listed twice, a day outside its year): the core’s createWorkCalendar refused it.',
  CALENDAR_NOT_CONTIGUOUS:
    'The work calendar’s years must stay contiguous: load the year after the last (or before the first), remove only the first or last loaded year.',
  OUTSIDE_CALENDAR: 'The day lies outside the work calendar’s loaded years: load its year first.',
  UNKNOWN_INDICATOR: 'The scheme has no manual (人工评分) indicator with that id.',
  INVALID_MANUAL_SCORE:
    'The manual score is outside the indicator’s range, has more than two decimals, has no reason, or its unit is not in a class scored on the indicator.',
  UNKNOWN_EVENT: 'No outside event with that id.',
  LAST_ADMIN: 'The only enabled ADMIN cannot be disabled or given another role (唯一的管理员).',
  UNKNOWN_SESSION: 'No such session, or not one the viewer may end.',
};

/** A message in Chinese and English (Chinese first, as in the core). */
export interface Localized {
  readonly zh: string;
  readonly en: string;
}

export interface UserErrorShape {
  readonly code: UserErrorCode;
  readonly message: Localized;
  readonly field?: readonly string[];
}

export const UserErrorCodeEnum = builder.enumType('UserErrorCode', {
  values: Object.fromEntries(
    USER_ERROR_CODES.map((code) => [code, { value: code, description: DESCRIPTIONS[code] }]),
  ) as Record<UserErrorCode, { value: UserErrorCode; description: string }>,
});

export const LocalizedText = builder.objectRef<Localized>('LocalizedText').implement({
  description: 'A message in Chinese and English.',
  fields: (t) => ({ zh: t.exposeString('zh'), en: t.exposeString('en') }),
});

export const UserError = builder.objectRef<UserErrorShape>('UserError').implement({
  description: 'An expected problem with the request, returned as data; nothing was written.',
  fields: (t) => ({
    code: t.field({ type: UserErrorCodeEnum, resolve: (e) => e.code }),
    field: t.stringList({
      nullable: true,
      description: 'The input path concerned, e.g. `["evidence", "0", "url"]`.',
      resolve: (e) => (e.field ? [...e.field] : null),
    }),
    message: t.field({ type: LocalizedText, resolve: (e) => e.message }),
  }),
});

export function userError(
  code: UserErrorCode,
  message: Localized,
  field?: readonly string[],
): UserErrorShape {
  return field ? { code, message, field } : { code, message };
}

/** Thrown inside a mutation's transaction to roll it back and answer with user errors. */
export class UserErrors extends Error {
  constructor(readonly errors: readonly UserErrorShape[]) {
    super(errors.map((e) => `${e.code}: ${e.message.zh} / ${e.message.en}`).join('; '));
    this.name = 'UserErrors';
  }
}

/** Ends the mutation with one user error (nothing is written). */
export function fail(code: UserErrorCode, message: Localized, field?: readonly string[]): never {
  throw new UserErrors([userError(code, message, field)]);
}

/** The user error for each problem the core's `checkNewReport` finds (the compiler lists new ones). */
export const REPORT_ISSUE_CODES: Readonly<Record<ReportIssueCode, UserErrorCode>> = {
  invalid_date: 'INVALID_DATE',
  reported_before_issue: 'INVALID_DATE',
  reported_after_as_of: 'INVALID_DATE',
  duplicate_report_id: 'INVALID_REPORT',
  unknown_assignment: 'NOT_FOUND',
  percent_missing: 'PERCENT_MISSING',
  percent_out_of_range: 'INVALID_PERCENT',
  invalid_step: 'INVALID_REPORT',
  empty_evidence_url: 'INVALID_EVIDENCE',
  invalid_evidence_date: 'INVALID_EVIDENCE',
  done_without_trace: 'DONE_WITHOUT_TRACE',
  unknown_superseded_report: 'NOT_FOUND',
  supersedes_other_assignment: 'INVALID_CORRECTION',
  supersedes_later_report: 'INVALID_CORRECTION',
  superseded_twice: 'ALREADY_SUPERSEDED',
};

/** The user error for each problem the core's `checkOutsideEvents` finds. */
export const EVENT_ISSUE_CODES: Readonly<Record<EventIssueCode, UserErrorCode>> = {
  invalid_date: 'INVALID_DATE',
  duplicate_event_id: 'INVALID_EVENT',
  empty_key: 'INVALID_EVENT',
  empty_text: 'INVALID_EVENT',
  no_units: 'INVALID_EVENT',
  unknown_unit: 'UNKNOWN_UNIT',
  invalid_participants: 'INVALID_EVENT',
};

/** A core path (`evidence[0].url`) as a GraphQL input path (`["evidence", "0", "url"]`). */
export function inputPath(path: string, rename: Readonly<Record<string, string>> = {}): string[] {
  return path
    .split(/[.[\]]+/)
    .filter((part) => part !== '')
    .map((part) => rename[part] ?? part);
}
