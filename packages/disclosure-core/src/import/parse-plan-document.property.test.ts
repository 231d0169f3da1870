import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { qixingguanUnits } from '../units/data/qixingguan-units';
import { parsePlanDocument } from './parse-plan-document';

// Pieces of the genre, so random documents look enough like plans to reach every reader.
const PIECES = `一、重点任务
(一)聚焦中心工作
1.做好公开。
(牵头单位:区政府办;责任单位:各乡镇街道)
(区政府办牵头,各乡镇街道配合)
区政府办公室(以下简称区府办,下同)
七星府办通〔2020〕84号
2020年6月4日
(此件公开发布)
附件:
类别 |
重点任务 |
牵头单位 |
完成时限 | |
立即落实,长期坚持 | |||
| |
|
注:排在第一位的为牵头单位
三、保障措施
①
（1）`.split('\n');

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

const HEADERS =
  '序号 类别 重点任务 工作任务 具体要求 牵头单位 责任单位 配合单位 完成时限 备注 完成情况 领域 事项'.split(
    ' ',
  );
const CELLS = `1
一、基础工作
(二)提升质量
1.做好公开。
公开预算信息。
区政府办
区财政局、区审计局
各乡镇街道
市财政局牵头,市直各部门落实;各镇(街)参照落实
2020年6月底前
长期坚持
已完成

 `.split('\n');

describe('parsePlanDocument on random tables and cut documents', () => {
  const cell = fc.oneof(fc.constantFrom(...CELLS), fc.string({ maxLength: 12 }));
  const table = fc.record({
    header: fc.uniqueArray(fc.constantFrom(...HEADERS), { minLength: 3, maxLength: 7 }),
    rows: fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 10 }),
    form: fc.constantFrom('row', 'cell', 'framed', 'bare'),
  });
  const render = (t: { header: string[]; rows: string[][]; form: string }): string => {
    const all = [t.header, ...t.rows];
    switch (t.form) {
      case 'row':
        return all.map((r) => `${r.join(' | ')} |`).join('\n');
      case 'cell':
        return all.map((r) => `${r.map((c) => `${c} |`).join('\n')}\n|`).join('\n');
      case 'framed':
        return all.map((r) => `|${r.join('|')}|`).join('\n');
      default:
        return all.map((r) => r.join('\n')).join('\n\n');
    }
  };

  it('never throws on a random table in any flattened form, and its findings are bilingual', () => {
    fc.assert(
      fc.property(table, fc.boolean(), (t, withNotice) => {
        const text = `${withNotice ? '某府办发〔2024〕1号\n2024年5月1日\n' : ''}${render(t)}`;
        const result = parsePlanDocument(text, { registry: qixingguanUnits });
        for (const f of result.findings) expect(f.message.zh !== '' && f.message.en !== '').toBe(true);
        if (result.plan !== undefined) expect(result.input).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });

  const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
  const documents = [
    readFileSync(here('../../data/qixingguan-2020-disclosure-plan.txt'), 'utf8'),
    ...readdirSync(here('../../test/fixtures/import'))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(here(`../../test/fixtures/import/${f}`), 'utf8')),
  ];

  it('never throws on a document cut off anywhere, and never reads a task from past the cut', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: documents.length - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (d, at) => {
          const whole = documents[d] ?? '';
          const text = whole.slice(0, Math.floor(whole.length * at));
          const result = parsePlanDocument(text, { registry: qixingguanUnits });
          for (const c of result.input?.categories ?? [])
            for (const t of c.keyTasks)
              for (const w of t.workItems) expect(text).toContain(w.content.slice(0, 6));
        },
      ),
      { numRuns: 300 },
    );
  });
});
