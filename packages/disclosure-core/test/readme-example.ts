import {
  evaluateStatus,
  type ProgressReport,
  parseDeadline,
  parsePlanDocument,
  qixingguan2020Assessment,
  qixingguanUnits,
  type ReportId,
  scoreUnits,
  trackProgress,
  unitId,
} from '../src/index';

/** From the text of a published plan (the 七星关区 2020 plan) to a status and a score. */
export function planToScore(text: string) {
  // 1. Read the notice and its 任务分解表 against the district's unit registry.
  const { plan, findings } = parsePlanDocument(text, { registry: qixingguanUnits });
  if (!plan) throw new Error(findings.map((f) => f.message.en).join('\n'));

  // 2. One 完成时限 as written → a typed deadline → its status on a day.
  const item = plan.categories[1]?.keyTasks[0]?.workItems[0]; // 政务公开事项标准目录, 7月中旬前
  if (!item) throw new Error('no such work item');
  const deadline = parseDeadline(item.deadlineText, { planYear: plan.year, issuedOn: plan.issuedOn });
  if (!deadline.ok) throw new Error(deadline.issues[0]?.message.en);
  const status = evaluateStatus({ deadline: deadline.value }, { asOf: '2020-07-15' });

  // 3. 市西街道 reports it done; where the plan stands, and the year-end assessment.
  const reports: ProgressReport[] = [
    {
      id: 'r1' as ReportId,
      workItemId: item.id,
      unitId: unitId('520502001'),
      reportedOn: '2020-07-16',
      state: 'done',
      note: '已公开标准目录',
    },
  ];
  const progress = trackProgress(plan, { reports, asOf: '2020-07-31' });
  const scores = scoreUnits(plan, { reports, scheme: qixingguan2020Assessment, asOf: '2020-12-31' });
  const shixi = scores.units.find((u) => u.unitId === '520502001');
  return { status, progress, shixi };
}
