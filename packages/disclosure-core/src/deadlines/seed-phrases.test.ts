import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDeadlinePhrases } from '../plan/extract-deadline-phrases';
import { deadlineReader } from './_lib/read-deadline.testing';
import { parseDeadline } from './parse-deadline';
import type { Deadline } from './types';

// The 七星关区 2020 plan (七星府办通〔2020〕84号), issued 2020-06-04. Tests may read the shared seed.
const seed = readFileSync(
  join(import.meta.dirname, '../../data/qixingguan-2020-disclosure-plan.txt'),
  'utf8',
);
const options = { planYear: 2020, issuedOn: '2020-06-04' } as const;

const { read } = deadlineReader(options);
function parsed(text: string): Deadline {
  expect(seed).toContain(text); // every phrase below is quoted from the seed as published
  return read(text);
}

/** The 完成时限 column of the annex, every distinct value. */
const ANNEX: readonly [string, Partial<Deadline>][] = [
  ['立即落实,长期坚持', { kind: 'ongoing', startsOn: '2020-06-04', reviewCadence: 'quarter' }],
  ['立即落实,并长期坚持', { kind: 'ongoing', startsOn: '2020-06-04', reviewCadence: 'quarter' }],
  ['2020年内', { kind: 'by', dueOn: '2020-12-31', precision: 'year' }],
  ['2020年7月底前', { kind: 'by', dueOn: '2020-07-31', precision: 'month' }],
  ['2020年7月中旬前', { kind: 'by', dueOn: '2020-07-20', precision: 'xun' }],
  ['2020年9月底前', { kind: 'by', dueOn: '2020-09-30', precision: 'month' }],
];

describe('the seed plan: annex 完成时限 column', () => {
  it('finds no 完成时限 value in the annex that the list below misses', () => {
    const annexStart = seed.indexOf('附件:\n');
    const cells = new Set(
      seed
        .slice(annexStart)
        .split('\n')
        .map((l) => l.replace(/\s*\|.*$/, '').trim())
        .filter((l) => /^(立即落实|2020年)/.test(l)),
    );
    expect([...cells].sort()).toEqual(ANNEX.map(([t]) => t).sort());
  });

  it.each(ANNEX)('reads %s', (text, expected) => {
    expect(parsed(text)).toMatchObject({ ...expected, flags: [] });
  });
});

describe('the seed plan: deadlines in the body (tasks 5, 6, 8, 9, 10, 11)', () => {
  it('reads task 5 as two milestones: 7月底前 remote intake, 年底前 remote handling', () => {
    const d = parsed('确保7月底前实现“全省通办”事项异地收件、远程受理,年底前实现异地受理、远程办理');
    expect(d).toMatchObject({
      kind: 'milestones',
      steps: [
        {
          label: '实现“全省通办”事项异地收件、远程受理',
          deadline: { kind: 'by', dueOn: '2020-07-31', text: '7月底前' },
        },
        { label: '实现异地受理、远程办理', deadline: { kind: 'by', dueOn: '2020-12-31', text: '年底前' } },
      ],
    });
  });

  it('reads task 6 as 7月中旬前 (20 July) for the catalogue and 10月底前 for the rules', () => {
    const text = seed.slice(
      seed.indexOf('7月中旬前,各乡镇街道'),
      seed.indexOf('健全完善本单位相应制度规范') + 13,
    );
    const d = parsed(text);
    expect(d.kind).toBe('milestones');
    if (d.kind !== 'milestones') return;
    expect(d.steps).toMatchObject([
      {
        label: expect.stringMatching(/^各乡镇街道.*编制完成本单位政务公开事项标准目录$/),
        deadline: { dueOn: '2020-07-20' },
      },
      {
        label: expect.stringMatching(/^结合本单位实际.*健全完善本单位相应制度规范$/),
        deadline: { dueOn: '2020-10-31' },
      },
    ]);
  });

  it.each([
    ['7月中旬前', '2020-07-20'],
    ['10月底前', '2020-10-31'],
    ['9月底前', '2020-09-30'],
    ['7月底前', '2020-07-31'],
    ['年底前', '2020-12-31'],
  ])('reads the body phrase %s as due %s in the plan year', (text, dueOn) => {
    expect(parsed(text)).toMatchObject({ kind: 'by', dueOn, yearSource: 'planYear' });
  });

  it('reads task 8 and task 9 sentences, which open with 9月底前, as due 30 September', () => {
    for (const opening of ['9月底前,全区各类', '9月底前,区融媒体中心']) {
      const start = seed.indexOf(opening);
      const text = seed.slice(start, seed.indexOf('。', start) + 1);
      expect(parsed(text)).toMatchObject({ kind: 'by', dueOn: '2020-09-30', phrase: '9月底前' });
    }
  });

  it('reads task 10 as waiting for the provincial new-media filing system', () => {
    expect(parsed('待省政府办公厅建立全省政府系统政务新媒体备案管理系统后')).toMatchObject({
      kind: 'afterEvent',
      event: { key: '省政府办公厅建立全省政府系统政务新媒体备案管理系统' },
      grace: { amount: 20, unit: 'workingDays' },
    });
  });

  it('reads both task 11 waits, alone and as one sentence with two steps', () => {
    const a = '待全省政府信息依申请公开数字化管理平台、全省规章和规范性文件数据库建设完成后,立即规范应用';
    const b = '待贵州省惠民政策项目资金信息公开平台上线运行后';
    expect(parsed(a)).toMatchObject({
      kind: 'afterEvent',
      event: { key: '全省政府信息依申请公开数字化管理平台、全省规章和规范性文件数据库建设完成' },
    });
    expect(parsed(b)).toMatchObject({
      kind: 'afterEvent',
      event: { key: '贵州省惠民政策项目资金信息公开平台上线运行' },
    });
    const both = `${a}。${b},按要求做好信息公开工作。`;
    expect(parsed(both)).toMatchObject({
      kind: 'milestones',
      steps: [
        { label: '立即规范应用', deadline: { kind: 'afterEvent' } },
        { label: '按要求做好信息公开工作', deadline: { kind: 'afterEvent' } },
      ],
    });
  });
});

describe('the seed plan: 保障措施 (safeguard measures)', () => {
  it('reads 每年至少要组织1—2次 as yearly, at least 1 and aiming at 2', () => {
    expect(parsed('区政府办每年至少要组织1—2次政务公开专题培训')).toMatchObject({
      kind: 'recurring',
      cadence: 'year',
      minPerPeriod: 1,
      targetPerPeriod: 2,
      startsOn: '2020-06-04',
    });
  });

  it('reads 从二季度起 as quarterly from 1 April, flagged as before the issue date', () => {
    const d = parsed('省政府办公厅从二季度起,采取专项督查与综合评估相结合的方式,对相关工作落实情况进行通报');
    expect(d).toMatchObject({
      kind: 'recurring',
      cadence: 'quarter',
      startsOn: '2020-04-01',
      startSource: 'stated',
    });
    expect(d.flags.map((f) => f.code)).toEqual(['BEFORE_ISSUE_DATE']);
  });

  it('finds no deadline in the safeguard paragraphs that have none, rather than guessing', () => {
    const r = parseDeadline(
      '要认真对照我区政府工作报告对今年各项工作的安排部署,进一步落细落小具体公开的内容。',
      options,
    );
    expect(r.ok).toBe(false);
  });
});

describe('the seed plan: every phrase the plan importer locates', () => {
  it('parses every deadline phrase extractDeadlinePhrases finds in the whole seed text', () => {
    const phrases = [...new Set(extractDeadlinePhrases(seed).map((p) => p.text))];
    expect(phrases.length).toBeGreaterThanOrEqual(16);
    const unread = phrases.filter((p) => !parseDeadline(p, options).ok);
    expect(unread).toEqual([]);
  });
});
