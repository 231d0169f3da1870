// A generated decomposition table as big as the legitimate import (20,000 rows), for the
// off-the-request-thread tests and the stall bench. Each row names one lead and one responsible
// department of the seed registry, so the plan has two assignments per work item.
const DEPARTMENTS = [
  '区发展和改革局',
  '区教育科技局',
  '区工业和信息化局',
  '区民政局',
  '区住房和城乡建设局',
  '区交通运输局',
  '区水务局',
  '区农业农村局',
  '区林业局',
  '区卫生健康局',
];
const DEADLINES = ['2020年12月底前', '2020年9月底前', '长期坚持', '每季度'];

/** A CSV 任务分解表 of `rows` work items: 50 per key task, 40 key tasks per category. */
export function bigPlanCsv(rows: number): string {
  const lines = ['类别,重点任务,工作任务,牵头单位,责任单位,完成时限'];
  for (let i = 0; i < rows; i++) {
    const task = Math.floor(i / 50);
    const category = Math.floor(task / 40);
    const lead = DEPARTMENTS[i % DEPARTMENTS.length];
    const responsible = DEPARTMENTS[(i + 3) % DEPARTMENTS.length];
    lines.push(
      `第${category + 1}类公开工作,${task + 1}.推进第${task + 1}项重点公开任务,做好第${i + 1}项政务信息公开工作并及时更新。,${lead},${responsible},${DEADLINES[i % DEADLINES.length]}`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
