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

function toBase64(data: ArrayBuffer): string {
  let binary = '';
  const bytes = new Uint8Array(data);
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The source as the mutation's `content` and `format`: text as is, a workbook in base64. */
function contentOf(source: PlanSource): { content: string; format: 'TEXT' | 'CSV' | 'XLSX' } {
  if (source.kind === 'text') return { content: source.text, format: 'TEXT' };
  if (/\.xlsx$/i.test(source.name)) return { content: toBase64(source.data), format: 'XLSX' };
  const text = new TextDecoder('utf-8').decode(source.data);
  return { content: text, format: /\.csv$/i.test(source.name) ? 'CSV' : 'TEXT' };
}

/**
 * Imports the plan through the gateway, which reads the document again: when it writes nothing, its
 * error findings say why, and fail the action like user errors.
 */
export async function importPlan(source: PlanSource, metadata: PlanMetadata) {
  const { importPlan: payload } = await request(ImportPlanMutation, {
    input: { ...contentOf(source), dryRun: false, ...metadata },
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
