import { describe, expect, it } from 'vitest';
import { qixingguanUnits } from '../units/data/qixingguan-units';
import { createPlan } from './create-plan';
import { lintPlan, type PlanFinding } from './lint-plan';
import { qixingguan2020 } from './seed/qixingguan-2020';
import { QIXINGGUAN_2020_INPUT } from './seed/qixingguan-2020-input';
import type { PlanInput } from './types';

const findings = lintPlan(qixingguan2020);
const of = (code: PlanFinding['code'], task?: number) =>
  findings.filter((f) => f.code === code && (task === undefined || f.keyTaskNumber === task));

describe('lintPlan on the seed: discrepancies between key task bodies and their annex rows', () => {
  it('reports body leads no annex row carries: 综合行政执法局 (task 1), 投资促进局 (task 2)', () => {
    expect(of('body_lead_missing_in_annex', 1).map((f) => f.location.text)).toEqual(['综合行政执法局']);
    expect(of('body_lead_missing_in_annex', 2).map((f) => f.location.text)).toEqual(['投资促进局']);
  });

  it('reports annex leads absent from the body: 区政府办 (task 10)', () => {
    expect(of('annex_lead_missing_in_body', 10).map((f) => f.location.text)).toEqual(['区政府办公室']);
    expect(of('annex_lead_missing_in_body', 10)[0]?.workItemId).toBe('qixingguan-2020/t10/i1');
  });

  it('reports differently worded duties: 上级层面 vs 省级层面 (task 5)', () => {
    const [f, ...more] = of('duty_wording_differs', 5);
    expect(more).toEqual([]);
    expect(f?.message.zh).toMatch(/正文“[^”]*上级层面[^”]*”,分解表“[^”]*省级层面[^”]*”/u);
    expect(f?.message.en).toContain('上级层面');
    expect(f?.workItemId).toBe('qixingguan-2020/t5/i1');
  });

  it('reports body deadlines the annex drops: 10月底前 (task 6)', () => {
    const list = of('body_deadline_missing_in_annex');
    expect(list.map((f) => [f.keyTaskNumber, f.location.text])).toEqual([[6, '10月底前']]);
    expect(list[0]?.location.offset).toBe(task6Body().indexOf('10月底前'));
  });

  it('reports a different implementer scope: 全区各单位 vs 全市各级各部门 (task 10)', () => {
    const list = of('implementer_scope_differs', 10);
    expect(
      list.some((f) => f.message.zh.includes('全区各单位') && f.message.zh.includes('全市各级各部门')),
    ).toBe(true);
    expect(
      list.some((f) => f.message.zh.includes('各单位持续') && f.message.zh.includes('各级行政机关')),
    ).toBe(true);
  });

  it('reports the other discrepancies the seed has', () => {
    // Task 8: the body's leads 融媒体中心 and 综合行政执法局 carry no annex row; the annex adds 卫生健康局.
    expect(of('body_lead_missing_in_annex', 8).map((f) => f.location.text)).toEqual([
      '融媒体中心',
      '综合行政执法局',
    ]);
    expect(of('annex_lead_missing_in_body', 8).map((f) => f.location.text)).toEqual(['区卫生健康局']);
    // Task 5: the annex adds 各直属机构 to the body's responsible units.
    expect(of('responsible_scope_differs').map((f) => f.keyTaskNumber)).toEqual([5]);
    expect(of('responsible_scope_differs')[0]?.message.en).toContain('only in the annex: 各直属机构');
    // Task 7: 本单位 becomes 本地本部门; task 8: 区融媒体中心 opens the columns in the body, 各级政府和部门网站 in the annex.
    expect(of('implementer_scope_differs', 7)[0]?.message.zh).toContain('本地本部门');
    expect(of('implementer_scope_differs', 8)[0]?.message.zh).toContain('各级政府和部门网站');
    // Deadline wording inside items that their 完成时限 column does not carry.
    expect(of('content_deadline_not_in_column').map((f) => [f.workItemId, f.location.text])).toEqual([
      ['qixingguan-2020/t5/i2', '年底前'],
      ['qixingguan-2020/t10/i1', '待省政府办公厅建立全省政府系统政务新媒体备案管理系统后'],
      [
        'qixingguan-2020/t11/i1',
        '待全省政府信息依申请公开数字化管理平台、全省规章和规范性文件数据库建设完成后,立即规范应用',
      ],
      ['qixingguan-2020/t11/i1', '待贵州省惠民政策项目资金信息公开平台上线运行后'],
    ]);
  });

  it('finds no error in the seed, and every finding says what it is in Chinese and English', () => {
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    for (const f of findings) {
      expect(f.message.zh).toMatch(/[\u4e00-\u9fff]/u);
      expect(f.message.en).toMatch(/[A-Za-z]{3}/u);
      expect(f.location.path).toMatch(/^(categories|safeguards|recipients)/u);
    }
  });

  it('lists errors before warnings before infos', () => {
    const order = { error: 0, warning: 1, info: 2 } as const;
    const ranks = findings.map((f) => order[f.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });
});

function task6Body(): string {
  return qixingguan2020.categories[1]?.keyTasks[0]?.body ?? '';
}

/** A one-task plan whose single item is given; everything else as in the seed. */
function planWith(
  item: Partial<PlanInput['categories'][number]['keyTasks'][number]['workItems'][number]>[],
  body = '',
) {
  const input: PlanInput = {
    ...QIXINGGUAN_2020_INPUT,
    units: qixingguanUnits,
    safeguards: [],
    categories: [
      {
        title: '测试类别',
        keyTasks: [
          {
            number: 1,
            title: '测试任务',
            body,
            leadUnitsText: '区政府办',
            responsibleUnitsText: '区政府其他工作部门',
            workItems: item.map((i) => ({
              content: '做好测试信息公开。',
              leadUnitsText: '区政府办',
              responsibleUnitsText: '区政府其他工作部门',
              deadlineText: '2020年内',
              ...i,
            })),
          },
        ],
      },
    ],
  };
  const result = createPlan(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

describe('lintPlan checks', () => {
  it('reports an unknown unit with the text and its offset, as an error', () => {
    const found = lintPlan(planWith([{ leadUnitsText: '区政府办、区火星局' }])).filter(
      (f) => f.code === 'unknown_unit',
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: 'error',
      location: { path: 'categories[0].keyTasks[0].workItems[0].leadUnitsText', text: '区火星局', offset: 5 },
      workItemId: 'qixingguan-2020/t1/i1',
    });
  });

  it('reports an empty lead list and an empty deadline as errors', () => {
    const codes = lintPlan(planWith([{ leadUnitsText: '', deadlineText: ' ' }])).map((f) => [
      f.code,
      f.severity,
    ]);
    expect(codes).toContainEqual(['empty_lead_units', 'error']);
    expect(codes).toContainEqual(['empty_deadline', 'error']);
  });

  it('reports a unit named both lead and responsible', () => {
    const found = lintPlan(planWith([{ responsibleUnitsText: '区政府办公室、区民政局' }])).filter(
      (f) => f.code === 'lead_and_responsible',
    );
    expect(found.map((f) => f.location.text)).toEqual(['区政府办公室']);
  });

  it('reports a duplicate item, ignoring punctuation and spacing', () => {
    const found = lintPlan(
      planWith([{ content: '做好测试信息公开。' }, { content: '做好测试信息 公开' }]),
    ).filter((f) => f.code === 'duplicate_item');
    expect(found.map((f) => f.workItemId)).toEqual(['qixingguan-2020/t1/i2']);
  });

  it('is quiet on a clean plan', () => {
    expect(lintPlan(planWith([{}], '做好测试信息公开。'))).toEqual([]);
  });
});
