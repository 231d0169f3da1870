import type { QueryKey } from '@tanstack/react-query';

/**
 * The first element of every query key the pages use, so that a mutation invalidates exactly the
 * data it changed (`invalidateQueries({ queryKey: QUERY_KEYS.table })` matches every `['table', …]`).
 */
export const QUERY_KEYS = {
  me: ['me'],
  plans: ['plans'],
  overview: ['overview'],
  table: ['table'],
  tableResponsible: ['tableResponsible'],
  categories: ['categories'],
  workItem: ['workItem'],
  units: ['units'],
  unit: ['unit'],
  unitAssignments: ['unitAssignments'],
  unitScore: ['unitScore'],
  schemes: ['schemes'],
  assessment: ['assessment'],
  events: ['events'],
  users: ['users'],
  audit: ['audit'],
  calendar: ['calendar'],
  planAdmin: ['planAdmin'],
} as const satisfies Record<string, QueryKey>;

/** Every view that shows statuses: what a new progress report or outside event can change. */
export const STATUS_VIEWS: readonly QueryKey[] = [
  QUERY_KEYS.overview,
  QUERY_KEYS.table,
  QUERY_KEYS.workItem,
  QUERY_KEYS.unitAssignments,
];
