/**
 * The core's vocabularies as the API spells them. `@qxg/disclosure-core` owns every status (its
 * label, colour, class and urgency order) and every unit kind; the GraphQL enums are their upper
 * case. The app reads the labels and colours from here and defines none of its own: a test
 * (`vocabulary-owner.test.ts`) fails when a status label or colour is written anywhere in `src/`.
 */
import {
  isComplete,
  isLate,
  STATUS_INFO,
  type StatusInfo,
  UNIT_KIND_LABELS,
  UNIT_KINDS,
  type UnitKind,
  WORK_ITEM_STATUSES,
  type WorkItemStatus,
} from '@qxg/disclosure-core';
import type { graphql } from '../graphql/graphql';

/** A status as the API spells it: the generated type of the GraphQL enum `DeadlineStatus`. */
export type StatusValue = ReturnType<typeof graphql.scalar<'DeadlineStatus'>>;

/** A unit kind as the API spells it: the generated type of the GraphQL enum `UnitKind`. */
export type UnitKindValue = ReturnType<typeof graphql.scalar<'UnitKind'>>;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// The schema's enums are the core's tuples in upper case: a status or kind added on one side only
// stops the build here.
const statusesMatch: Same<StatusValue, Uppercase<WorkItemStatus>> = true;
const unitKindsMatch: Same<UnitKindValue, Uppercase<UnitKind>> = true;
void statusesMatch;
void unitKindsMatch;

const toCore = (value: StatusValue) => value.toLowerCase() as WorkItemStatus;

/** Every status, most urgent first (the core's order), as the API spells them. */
export const STATUS_VALUES: readonly StatusValue[] = WORK_ITEM_STATUSES.map(
  (s) => s.toUpperCase() as StatusValue,
);

/** Label, colour, class and urgency of a status the API returned. */
export function statusInfo(value: StatusValue): StatusInfo {
  return STATUS_INFO[toCore(value)];
}

/** The Chinese label of a status, as the core writes it. */
export function statusLabel(value: StatusValue): string {
  return statusInfo(value).label.zh;
}

/** True for a complete status (done on time or late, minimum met): the core's rule. */
export function isDone(value: StatusValue): boolean {
  return isComplete(toCore(value));
}

/** True for a late, not done status (overdue, stale, behind): the core's rule. */
export function isLateStatus(value: StatusValue): boolean {
  return isLate(toCore(value));
}

/** Options for a status filter, in urgency order, labelled in Chinese. */
export const STATUS_OPTIONS: readonly { readonly value: StatusValue; readonly label: string }[] =
  STATUS_VALUES.map((value) => ({ value, label: statusLabel(value) }));

/** The Chinese name of a unit kind (`'TOWN'` → 镇). */
export function unitKindLabel(value: UnitKindValue): string {
  return UNIT_KIND_LABELS[value.toLowerCase() as UnitKind];
}

/** Options for a unit kind filter, in the core's display order. */
export const UNIT_KIND_OPTIONS: readonly { readonly value: UnitKindValue; readonly label: string }[] =
  UNIT_KINDS.map((kind) => ({ value: kind.toUpperCase() as UnitKindValue, label: UNIT_KIND_LABELS[kind] }));
