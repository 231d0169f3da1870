import { graphql } from '../../graphql/graphql';
import { UserErrorFields } from '../../graphql/user-errors';

export const SchemesQuery = graphql(`
  query AssessmentSchemes($planId: String!) {
    plan(id: $planId) {
      id
      assessmentSchemes { id name definition createdAt }
    }
  }
`);

export const AssessmentQuery = graphql(`
  query Assessment($planId: String!, $schemeId: ID!, $asOf: Date!) {
    assessment(planId: $planId, schemeId: $schemeId, asOf: $asOf) {
      id
      asOf
      createdAt
      dataUpTo
      stale
      estimated
      units { unitId estimated }
      results
    }
  }
`);

/** One unit's line of a run's results (the core's `UnitScore`, as stored). */
export interface UnitResult {
  readonly unitId: string;
  readonly unitName: string;
  readonly classId: string;
  readonly total: number;
  readonly grade: string;
  readonly gradeLabel: string;
  readonly rank: number;
  readonly classSize: number;
}

export interface RunClass {
  readonly classId: string;
  readonly name: string;
}

/** Reads a run's stored `results` JSON, whichever of the core's shapes it holds. */
export function readResults(results: unknown): { units: UnitResult[]; classes: RunClass[] } {
  const r = results as { units?: unknown; classes?: unknown } | unknown[] | null;
  const units = (Array.isArray(r) ? r : Array.isArray(r?.units) ? r.units : []) as UnitResult[];
  const classes = (!Array.isArray(r) && Array.isArray(r?.classes) ? r.classes : []) as RunClass[];
  return { units: [...units].sort((a, b) => a.classId.localeCompare(b.classId) || a.rank - b.rank), classes };
}

export const GRADE_COLORS: Readonly<Record<string, string>> = {
  excellent: 'green',
  good: 'blue',
  pass: 'gold',
  fail: 'red',
};

export const RunAssessmentMutation = graphql(
  `
  mutation RunAssessment($input: RunAssessmentInput!) {
    runAssessment(input: $input) {
      run { id }
      userErrors { ...UserErrorFields }
    }
  }
`,
  [UserErrorFields],
);

export const DefineSchemeMutation = graphql(
  `
  mutation DefineAssessmentScheme($input: DefineAssessmentSchemeInput!) {
    defineAssessmentScheme(input: $input) {
      scheme { id }
      userErrors { ...UserErrorFields }
    }
  }
`,
  [UserErrorFields],
);

export const UnitExplanationQuery = graphql(`
  query UnitExplanation($planId: String!, $schemeId: ID!, $asOf: Date!, $unitId: String!) {
    assessment(planId: $planId, schemeId: $schemeId, asOf: $asOf) {
      id
      explanation(unitId: $unitId) {
        indicatorId path max score bonus
        lines { order points text }
      }
    }
  }
`);

export const ManualScoresQuery = graphql(`
  query ManualScores($id: ID!) {
    node(id: $id) {
      ... on AssessmentScheme {
        id
        manualIndicators { id name points classId className }
        manualScores { id indicatorId points reason updatedAt unit { key name } enteredBy { username } }
      }
    }
  }
`);

export const SetManualScoreMutation = graphql(
  `
  mutation SetManualScore($input: SetManualScoreInput!) {
    setManualScore(input: $input) {
      manualScore { id }
      userErrors { ...UserErrorFields }
    }
  }
`,
  [UserErrorFields],
);

export const ClearManualScoreMutation = graphql(
  `
  mutation ClearManualScore($input: ManualScoreKeyInput!) {
    clearManualScore(input: $input) {
      cleared
      userErrors { ...UserErrorFields }
    }
  }
`,
  [UserErrorFields],
);

export const CopySchemeMutation = graphql(
  `
  mutation CopyAssessmentScheme($input: CopyAssessmentSchemeInput!) {
    copyAssessmentScheme(input: $input) {
      scheme { id name plan { key } }
      userErrors { ...UserErrorFields }
    }
  }
`,
  [UserErrorFields],
);
