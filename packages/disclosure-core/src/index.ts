/**
 * `@qxg/disclosure-core`: the rules of a 政务公开工作实施方案 (government information disclosure work
 * plan) as pure, typed TypeScript. No I/O, no clock: every "as of" is a parameter.
 *
 * @packageDocumentation
 */

// Shared
export type { Issue, LocalizedMessage, Result, SourceLocation } from './_lib/result';
export { assertNever, CoreError, type CoreErrorCode } from './_lib/core-error';
export type { IsoDate } from './_lib/iso-date';
