import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { qixingguanUnits } from '../units/data/qixingguan-units';
import { parsePlanDocument } from './parse-plan-document';

// Pieces of the genre, so random documents look enough like plans to reach every reader.
const PIECES = [
  '一、重点任务',
  '(一)聚焦中心工作',
  '1.做好公开。',
  '(牵头单位:区政府办;责任单位:各乡镇街道)',
  '(区政府办牵头,各乡镇街道配合)',
  '七星府办通〔2020〕84号',
  '2020年6月4日',
  '(此件公开发布)',
  '附件:',
  '类别 |',
  '重点任务 |',
  '牵头单位 |',
  '完成时限 | |',
  '立即落实,长期坚持 | |||',
  '| |',
  '|',
  '注:排在第一位的为牵头单位',
  '三、保障措施',
  '①',
  '（1）',
];

describe('parsePlanDocument on arbitrary text', () => {
  it('never throws, and whenever it builds a plan it also returns the input it built it from', () => {
    const line = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom(...PIECES),
      fc.string({ unit: 'binary', maxLength: 20 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const result = parsePlanDocument(lines.join('\n'), { registry: qixingguanUnits });
        if (result.plan !== undefined) expect(result.input).toBeDefined();
        if (result.input === undefined)
          expect(result.findings.some((f) => f.severity === 'error')).toBe(true);
        for (const f of result.findings) {
          expect(f.message.zh).not.toBe('');
          expect(f.message.en).not.toBe('');
        }
      }),
      { numRuns: 400 },
    );
  });

  it('reports an error rather than a silent plan when the text holds no task', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const result = parsePlanDocument(text.replace(/[|()（）一二三四五六七八九十0-9]/gu, ''), {
          registry: qixingguanUnits,
        });
        expect(result.plan).toBeUndefined();
        expect(result.findings.map((f) => f.code)).toContain('no_tasks');
      }),
    );
  });
});
