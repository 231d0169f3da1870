import { type Plan, qixingguan2020, qixingguanUnits } from '@qxg/disclosure-core';
import { describe, expect, it } from 'vitest';
import { readPlanCsv, writePlanCsv } from '../src/csv';

// What OWASP lists as formula starts: = + - @, a tab and a carriage return.
const HOSTILE = [
  '=HYPERLINK("http://evil.example","点击")',
  "+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(1,2)',
  '\t=1+1',
  '\r=1+1',
];

/** The seed plan with the first work items' contents replaced by formula-like text. */
function hostilePlan(): Plan {
  const plan = structuredClone(qixingguan2020) as { -readonly [K in keyof Plan]: Plan[K] };
  const items = plan.categories.flatMap((c) => c.keyTasks.flatMap((t) => t.workItems)) as {
    content: string;
  }[];
  HOSTILE.forEach((text, i) => {
    const item = items[i];
    if (item) item.content = text;
  });
  return plan as Plan;
}

describe('CSV injection', () => {
  it('writes no cell that starts a formula: each such value is prefixed with an apostrophe', () => {
    const csv = writePlanCsv(hostilePlan());
    for (const text of HOSTILE) {
      expect(csv).toContain(`'${text.replace(/"/g, '""')}`);
    }
    // Split into cells (the values hold no commas of their own but the first one's, which is quoted).
    const cells = csv
      .slice(1)
      .split('\r\n')
      .flatMap((line) => line.match(/("([^"]|"")*"|[^,]*)/g) ?? [])
      .map((c) => (c.startsWith('"') ? c.slice(1, -1).replace(/""/g, '"') : c));
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
  });

  it('reads its own escaped cells back as the original text', () => {
    const plan = hostilePlan();
    const back = readPlanCsv(writePlanCsv(plan), {
      registry: qixingguanUnits,
      id: plan.id,
      docNumber: plan.docNumber,
      issuedOn: plan.issuedOn,
      issuer: plan.issuer,
      title: plan.title,
    });
    const contents = back.plan?.categories.flatMap((c) =>
      c.keyTasks.flatMap((t) => t.workItems.map((w) => w.content)),
    );
    // The reader trims cells, so the tab and CR cases come back without their leading white space.
    expect(contents?.slice(0, HOSTILE.length)).toEqual(HOSTILE.map((t) => t.trim()));
  });
});
