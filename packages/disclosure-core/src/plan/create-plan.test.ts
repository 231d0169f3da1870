import { describe, expect, it } from 'vitest';
import { qixingguanUnits } from '../units/data/qixingguan-units';
import { createPlan, readPublicity } from './create-plan';
import { QIXINGGUAN_2020_INPUT } from './seed/qixingguan-2020-input';

const base = { ...QIXINGGUAN_2020_INPUT, units: qixingguanUnits };

describe('createPlan', () => {
  it('assigns stable ids to categories, key tasks, items and safeguards', () => {
    const result = createPlan(base);
    if (!result.ok) throw new Error('seed must build');
    const plan = result.value;
    expect(plan.categories.map((c) => c.id)).toEqual([
      'qixingguan-2020/c1',
      'qixingguan-2020/c2',
      'qixingguan-2020/c3',
    ]);
    expect(plan.categories[0]?.keyTasks[0]?.workItems[5]?.id).toBe('qixingguan-2020/t1/i6');
    expect(plan.safeguards[2]?.id).toBe('qixingguan-2020/s3');
  });

  it('normalises the 文号 written with a space (84 号)', () => {
    const result = createPlan({ ...base, docNumber: '七星府办通〔2020〕84 号' });
    expect(result.ok && result.value.docNumber).toBe('七星府办通〔2020〕84号');
  });

  it('rejects a structurally broken plan with every issue, in Chinese and English', () => {
    const result = createPlan({
      ...base,
      docNumber: '84号',
      issuedOn: '2020-02-30',
      year: 20,
      title: '',
      categories: [
        {
          title: '甲',
          keyTasks: [
            {
              ...base.categories[0]!.keyTasks[0]!,
              number: 2,
              workItems: [
                {
                  content: ' ',
                  leadUnitsText: '区政府办',
                  responsibleUnitsText: '',
                  deadlineText: '2020年内',
                },
              ],
            },
          ],
        },
        { title: '乙', keyTasks: [] },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.code)).toEqual([
      'invalid_doc_number',
      'empty_title',
      'invalid_issue_date',
      'invalid_year',
      'task_numbering',
      'empty_item_content',
      'empty_category',
    ]);
    expect(result.issues[4]?.location?.path).toBe('categories[0].keyTasks[0].number');
    for (const i of result.issues) expect(i.message.zh && i.message.en).toBeTruthy();
  });

  it('keeps an unknown unit as an unknown reference rather than failing or inventing a unit', () => {
    const result = createPlan({ ...base, recipientsText: '区火星局' });
    expect(result.ok && result.value.recipients).toEqual([{ kind: 'unknown', text: '区火星局', offset: 0 }]);
  });
});

describe('readPublicity', () => {
  it('reads the 此件… line', () => {
    expect(readPublicity('(此件公开发布)')).toBe('public');
    expect(readPublicity('（此件依申请公开）')).toBe('on_request');
    expect(readPublicity('此件不予公开')).toBe('not_public');
    expect(readPublicity('')).toBe('unstated');
  });
});
