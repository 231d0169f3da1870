import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type ParsedPlanDocument,
  qixingguan2020,
  qixingguanUnits,
  TABLE_COLUMN_LABELS,
} from '@qxg/disclosure-core';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { writePlanCsv } from '../src/csv';
import { readPlanFile } from '../src/read-plan-file';

// fast-check (issue 11): random text, random tables and truncated documents never throw, in every
// format readPlanFile takes. Every finding is bilingual, and a plan always comes with its input.
const options = { registry: qixingguanUnits };
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const seedText = readFileSync(here('../../disclosure-core/data/qixingguan-2020-disclosure-plan.txt'));
const seedItems = qixingguan2020.categories.flatMap((c) => c.keyTasks.flatMap((t) => t.workItems));

function wellFormed(r: ParsedPlanDocument): void {
  for (const f of r.findings) expect(f.message.zh !== '' && f.message.en !== '').toBe(true);
  if (r.plan !== undefined) expect(r.input).toBeDefined();
  if (r.input === undefined) expect(r.findings.some((f) => f.severity === 'error')).toBe(true);
}

// Headers and cells in the words of real tables: qxg's own labels, other wordings, the seed's cells.
const header = fc.constantFrom(
  ...Object.values(TABLE_COLUMN_LABELS),
  '具体内容',
  '责任部门',
  '配合单位',
  '时间节点',
  '主要工作任务',
);
const cellText = fc.oneof(
  fc.constantFrom(
    ...seedItems
      .slice(0, 8)
      .flatMap((w) => [w.content, w.leadUnitsText, w.responsibleUnitsText, w.deadlineText]),
    '一、推进基础工作',
    '(二)提升质量',
    '1',
    '',
  ),
  fc.string({ maxLength: 10 }),
);
const table = fc.record({
  header: fc.uniqueArray(header, { minLength: 2, maxLength: 7 }),
  rows: fc.array(
    fc.array(
      fc.record({
        text: cellText,
        rowSpan: fc.integer({ min: 1, max: 3 }),
        columnSpan: fc.integer({ min: 1, max: 3 }),
      }),
      { maxLength: 8 },
    ),
    { maxLength: 8 },
  ),
});

type RandomTable = typeof table extends fc.Arbitrary<infer T> ? T : never;

describe('readPlanFile on random input', () => {
  it('never throws on random bytes, whatever the file is called', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom('plan.txt', 'plan.csv', 'plan.html', 'plan.docx', 'plan.xlsx'),
        async (bytes, name) => wellFormed(await readPlanFile(bytes, name, options)),
      ),
      { numRuns: 150 },
    );
  });

  it('never throws on random text saved as .txt, .csv or .html', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 300 }),
        fc.constantFrom('plan.txt', 'plan.csv', 'plan.html'),
        async (text, name) => wellFormed(await readPlanFile(new TextEncoder().encode(text), name, options)),
      ),
      { numRuns: 150 },
    );
  });

  it('never throws on a random CSV table, and reads no work item from a row it does not have', async () => {
    await fc.assert(
      fc.asyncProperty(table, async (t) => {
        const csv = Papa.unparse([t.header, ...t.rows.map((r) => r.map((c) => c.text))]);
        const r = await readPlanFile(new TextEncoder().encode(csv), 'table.csv', options);
        wellFormed(r);
        const items = r.input?.categories.flatMap((c) => c.keyTasks.flatMap((k) => k.workItems)) ?? [];
        expect(items.length).toBeLessThanOrEqual(t.rows.length);
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on a random Word table with merged cells across and down', async () => {
    const word = (t: RandomTable) =>
      new Document({
        sections: [
          {
            children: [
              new Paragraph('某府办发〔2024〕1号'),
              new Table({
                rows: [t.header.map((text) => ({ text, rowSpan: 1, columnSpan: 1 })), ...t.rows]
                  .filter((r) => r.length > 0)
                  .map(
                    (r) =>
                      new TableRow({
                        children: r.map(
                          (c) =>
                            new TableCell({
                              children: [new Paragraph(c.text)],
                              rowSpan: c.rowSpan,
                              columnSpan: c.columnSpan,
                            }),
                        ),
                      }),
                  ),
              }),
            ],
          },
        ],
      });
    await fc.assert(
      fc.asyncProperty(table, async (t) => {
        const bytes = new Uint8Array(await Packer.toBuffer(word(t)));
        wellFormed(await readPlanFile(bytes, 'table.docx', options));
      }),
      { numRuns: 25 },
    );
  });
});

describe('readPlanFile on truncated documents', () => {
  const seedCsv = new TextEncoder().encode(writePlanCsv(qixingguan2020));
  const documents: [string, Uint8Array][] = [
    ['seed.txt', new Uint8Array(seedText)],
    ['seed.csv', seedCsv],
    ['seed.html', new Uint8Array(readFileSync(here('./fixtures/qixingguan-2020.html')))],
    ['seed.docx', new Uint8Array(readFileSync(here('./fixtures/qixingguan-2020.docx')))],
  ];

  it('never throws on the seed cut off anywhere, as text, CSV, a page or a Word file', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: documents.length - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (d, at) => {
          const [name, whole] = documents[d] as [string, Uint8Array];
          wellFormed(await readPlanFile(whole.subarray(0, Math.floor(whole.length * at)), name, options));
        },
      ),
      { numRuns: 120 },
    );
  });

  it('reads from a CSV cut inside a row only the rows before the cut', async () => {
    const text = new TextDecoder().decode(seedCsv);
    const cut = text.indexOf('\r\n', Math.floor(text.length / 2)) + 10;
    const r = await readPlanFile(new TextEncoder().encode(text.slice(0, cut)), 'seed.csv', options);
    const items = r.input?.categories.flatMap((c) => c.keyTasks.flatMap((k) => k.workItems)) ?? [];
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThan(seedItems.length);
    for (const w of items) expect(text.slice(0, cut)).toContain(w.content.slice(0, 6));
  });
});
