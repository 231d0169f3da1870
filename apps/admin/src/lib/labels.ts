/**
 * Chinese labels for the API's enums the core does not name (see docs/glossary.md). Statuses and
 * unit kinds are the core's: see `vocabulary.ts`. Each table is keyed by the generated enum type,
 * so a value added to the schema must be labelled here.
 */
import type { graphql } from '../graphql/graphql';

type EnumOf<Name extends string> = ReturnType<typeof graphql.scalar<Name>>;
/** A Chinese label for every value of the API's enum `Name`. */
type Labels<Name extends string> = Readonly<Record<Extract<EnumOf<Name>, string>, string>>;

export const ROLE_LABELS: Labels<'Role'> = {
  ADMIN: '管理员(区政府办)',
  REPORTER: '报送员',
  ANALYST: '分析员',
};

export const ASSIGNMENT_ROLE_LABELS: Labels<'AssignmentRole'> = { LEAD: '牵头单位', RESPONSIBLE: '责任单位' };

export const PROGRESS_STATE_LABELS: Labels<'ProgressState'> = {
  STARTED: '已启动',
  PARTIAL: '部分完成',
  DONE: '已完成',
};

export const EVENT_KIND_LABELS: Labels<'OutsideEventKind'> = {
  PLATFORM_LIVE: '平台上线',
  COMMENDATION: '通报表扬',
  CRITICISM: '通报批评',
  TRAINING: '培训',
  EXPERIENCE_PROMOTED: '经验推广',
  OTHER: '其他',
};

export const IMPORT_FORMAT_LABELS: Labels<'ImportFormat'> = {
  TEXT: '文本',
  HTML: '网页(HTML)',
  DOCX: 'Word 文档(.docx)',
  XLSX: 'Excel 表格(.xlsx)',
  CSV: 'CSV 表格',
};

/** `{ value, label }` options of a label table, for a Select. */
export function labelOptions<K extends string>(
  labels: Readonly<Record<K, string>>,
): { value: K; label: string }[] {
  return (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
}
