import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planToScore } from './readme-example';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('README example', () => {
  it('is the README code block, verbatim (but the import, which names the package)', () => {
    const readme = read('../README.md');
    const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    const example = read('./readme-example.ts').replace(
      "from '../src/index';",
      "from '@qxg/disclosure-core';",
    );
    expect(block).toBe(example);
  });

  it('runs: from the published plan text to a status and a score', () => {
    const { status, progress, shixi } = planToScore(read('../data/qixingguan-2020-disclosure-plan.txt'));
    expect([status.status, status.dueOn, status.workingDaysLeft]).toEqual(['due_soon', '2020-07-20', 3]);
    const assignment = progress.assignments.find((a) => a.assignment.unitId === '520502001' && a.latest);
    expect(assignment?.status).toBe('done_on_time');
    expect(progress.estimated).toBe(false);
    expect(
      shixi?.lines.some((l) => l.source.kind === 'assignment' && l.source.status === 'done_on_time'),
    ).toBe(true);
    expect(shixi?.lines.reduce((s, l) => s + l.hundredths, 0)).toBe(shixi?.totalHundredths);
  });
});
