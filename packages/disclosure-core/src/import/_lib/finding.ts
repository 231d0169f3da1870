import type { SourceLocation } from '../../_lib/result';
import type { FindingSeverity } from '../../plan/lint-plan';
import type { ImportFinding, ImportFindingCode, UnitProposal } from '../types';

/** Builds an {@link ImportFinding}, leaving out what is not known. @internal */
export function finding(
  code: ImportFindingCode,
  severity: FindingSeverity,
  zh: string,
  en: string,
  location: SourceLocation = {},
  proposal?: UnitProposal,
): ImportFinding {
  return {
    code,
    severity,
    message: { zh, en },
    location,
    ...(proposal === undefined ? {} : { proposal }),
  };
}

/** A location without its `undefined` fields (exactOptionalPropertyTypes). @internal */
export function at(
  location: { [K in keyof SourceLocation]?: SourceLocation[K] | undefined },
): SourceLocation {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(location)) if (v !== undefined) out[k] = v;
  return out as SourceLocation;
}
