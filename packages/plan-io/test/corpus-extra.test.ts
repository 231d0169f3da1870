import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createUnitRegistry, parsePlanDocument } from '@qxg/disclosure-core';
import { describe, expect, it } from 'vitest';
import { type Answer, dropProvenance, restoreFullWidth, scoreDocument } from '../scripts/score-import';

// Documents of our own in the shapes of real published plans (test/fixtures/corpus-extra: structure,
// units and timing as published, prose reworded), held to their answer keys as `pnpm eval:import`
// scores them.
const dir = (p: string) => fileURLToPath(new URL(`./fixtures/corpus-extra/${p}`, import.meta.url));
const registry = createUnitRegistry([{ id: 'government', name: '人民政府', kind: 'government' }]);

describe.each([
  [
    'e1_guangdong-taishan_2021_fengong-fangan',
    '"X牵头,Y配合;各镇(街)参照落实" cells, units merged down into a row of one cell',
  ],
  [
    'e2_guangdong-taishan_2022_fengong-four-columns',
    'three task-text columns (工作要求 | 工作任务 | 具体要求), groups written again at a page break',
  ],
  [
    'e3_guangdong-jiangmen-pengjiang_2021_fengong-cell-per-line',
    'a table copied one cell per paragraph, blank lines between cells and none between rows, its title above a font-size bar',
  ],
  [
    'e4_shandong-jinan-tianqiao_2024_yaodian-page',
    'a saved page: the 索引号 box, a notice title broken over lines, tasks without units',
  ],
  [
    'e5_anhui-chizhou-xinfang_zhongdian-renwu-qingdan',
    'every cell followed by a lone "|", no row ends, a 序号 column the header does not name',
  ],
])('%s', (name, shape) => {
  const answer = JSON.parse(readFileSync(dir(`answers/${name}.json`), 'utf8')) as Answer;
  const text = dropProvenance(readFileSync(dir(`plans/${name}.txt`), 'utf8'));

  it(`reads every complete task with its units and deadline, and the notice fields: ${shape}`, () => {
    for (const form of [text, restoreFullWidth(text)]) {
      const lines: string[] = [];
      const s = scoreDocument(parsePlanDocument(form, { registry }), answer, lines);
      expect(lines).toEqual([]);
      expect([s.all, s.fieldsRight, s.unstatedRight]).toEqual([s.tasks, s.fields, s.unstated]);
      expect(s.tasks).toBeGreaterThan(2);
    }
  });
});
