import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type PlanSource, previewPlan, sourceContent } from './parse-plan';

const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../../packages/plan-io/test/fixtures',
);
const file = (name: string, as = name): PlanSource => {
  const bytes = readFileSync(path.join(FIXTURES, name));
  const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return { kind: 'file', name: as, data };
};

describe('the import page reads the seed plan in every format the gateway takes', () => {
  it('reads a Word file as DOCX (from its bytes, whatever its name), sent in base64', async () => {
    const source = file('qixingguan-2020.docx', 'plan.bin');
    const content = sourceContent(source);
    expect(content.format).toBe('DOCX');
    expect(atob(content.content.slice(0, 4)).startsWith('PK')).toBe(true);
    const preview = await previewPlan(source);
    expect(preview.counts.workItems).toBe(31);
    expect(preview.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('reads a saved web page as HTML, sent as its text', async () => {
    const source = file('qixingguan-2020.html');
    const content = sourceContent(source);
    expect(content.format).toBe('HTML');
    expect(content.content).toContain('<table');
    const preview = await previewPlan(source);
    expect(preview.format).toBe('HTML');
    expect(preview.counts.workItems).toBe(31);
  });

  it('takes pasted page source as HTML and pasted plain text as TEXT', async () => {
    const html = readFileSync(path.join(FIXTURES, 'qixingguan-2020.html'), 'utf8');
    expect(sourceContent({ kind: 'text', text: html }).format).toBe('HTML');
    expect((await previewPlan({ kind: 'text', text: html })).counts.workItems).toBe(31);
    expect(sourceContent({ kind: 'text', text: '一、重点任务\n(一)推进决策公开。' }).format).toBe('TEXT');
  });
});
