import { request } from '../../graphql/client';
import { graphql } from '../../graphql/graphql';
import { localUserError, UserErrorFields, UserErrorsError } from '../../graphql/user-errors';
import type { PlanMetadata, PlanSource } from './parse-plan';

const ImportPlanMutation = graphql(
  `
  mutation ImportPlan($input: ImportPlanInput!) {
    importPlan(input: $input) {
      plan { id key title }
      workItems
      assignments
      findings { severity code message { zh } }
      userErrors { ...UserErrorFields }
    }
  }
`,
  [UserErrorFields],
);

/**
 * Imports the plan through the gateway, which reads the document again: when it writes nothing, its
 * error findings say why, and fail the action like user errors.
 */
export async function importPlan(
  source: PlanSource,
  metadata: PlanMetadata,
  next: { readonly previousPlanId: string | null; readonly carryOver: readonly string[] } = {
    previousPlanId: null,
    carryOver: [],
  },
) {
  // The same reading of the source as the preview's (format from the file's bytes, DOCX/XLSX in base64).
  const { format, content } = (await import('./parse-plan')).sourceContent(source);
  const { importPlan: payload } = await request(ImportPlanMutation, {
    input: {
      content,
      format,
      dryRun: false,
      ...metadata,
      // The next year's plan (“起草下一年度方案”): linked to the previous one, its chosen items carried.
      ...(next.previousPlanId ? { previousPlanId: next.previousPlanId, carryOver: [...next.carryOver] } : {}),
    },
  });
  if (!payload.plan) {
    const problems = [
      ...payload.userErrors,
      ...payload.findings
        .filter((f) => f.severity === 'error')
        .map((f) => localUserError('IMPORT_FAILED', f.message.zh)),
    ];
    throw new UserErrorsError(problems.length > 0 ? problems : [localUserError('IMPORT_FAILED', '导入失败')]);
  }
  return payload;
}
