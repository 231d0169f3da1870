import { describe, expect, it } from 'vitest';
import { deadlinesBeforeIssue } from './deadlines-before-issue';
import { qixingguan2020 } from './seed/qixingguan-2020';

describe('deadlinesBeforeIssue', () => {
  it('finds nothing in the seed plan, whose deadlines follow its issue date', () => {
    expect(deadlinesBeforeIssue(qixingguan2020)).toEqual([]);
  });

  it('warns once when a 2021 plan keeps 2020年…前 deadlines', () => {
    const copied = { ...qixingguan2020, year: 2021, issuedOn: '2021-03-01' };
    const items = copied.categories.flatMap((c) => c.keyTasks.flatMap((t) => t.workItems));
    const withText = {
      ...copied,
      categories: copied.categories.map((c, ci) =>
        ci === 0
          ? {
              ...c,
              keyTasks: c.keyTasks.map((t, ti) =>
                ti === 0
                  ? { ...t, workItems: t.workItems.map((w) => ({ ...w, deadlineText: '2020年7月底前' })) }
                  : t,
              ),
            }
          : c,
      ),
    };
    const findings = deadlinesBeforeIssue(withText);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f?.code).toBe('deadline_before_issue');
    expect(f?.severity).toBe('warning');
    expect(f?.items.every((i) => i.dueOn < '2021-03-01')).toBe(true);
    expect(f?.items.some((i) => i.deadlineText === '2020年7月底前' && i.dueOn === '2020-07-31')).toBe(true);
    expect(f?.message.zh).toContain('早于成文日期2021-03-01');
    expect(f?.message.en).toContain('before the issue date 2021-03-01');
    expect(f?.datedItems).toBeGreaterThanOrEqual(f?.items.length ?? 0);
    expect(f?.location.path).toMatch(/^categories\[0\]\.keyTasks\[0\]\.workItems\[0\]/);
    expect(items.length).toBeGreaterThan(0);
  });

  it('ignores standing and event deadlines, which carry no date', () => {
    const standing = {
      ...qixingguan2020,
      issuedOn: '2030-01-01',
      categories: qixingguan2020.categories.map((c) => ({
        ...c,
        keyTasks: c.keyTasks.map((t) => ({
          ...t,
          workItems: t.workItems.map((w) => ({ ...w, deadlineText: '长期坚持' })),
        })),
      })),
    };
    expect(deadlinesBeforeIssue(standing)).toEqual([]);
  });
});
