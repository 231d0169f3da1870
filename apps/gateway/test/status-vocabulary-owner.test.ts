// One owner per vocabulary: a status label or colour is defined in the core's STATUS_INFO only.
// This scan fails when one is written again in the gateway's or the admin app's sources.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { STATUS_INFO, TRAFFIC_LIGHT_COLORS } from '@qxg/disclosure-core';
import { describe, expect, it } from 'vitest';

const ROOTS = ['../src', '../../admin/src'].map((p) => new URL(p, import.meta.url).pathname);
// Generated files quote the schema (whose enum descriptions come from STATUS_INFO).
const SKIP = new Set(['generated', 'node_modules']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (SKIP.has(name)) return [];
    if (statSync(file).isDirectory()) return sources(file);
    return /\.(ts|tsx|css)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

const LABELS = [
  ...Object.values(STATUS_INFO).map((i) => i.label.zh),
  // Labels the code used before the core owned them.
  '逾期未完成',
  '待责任单位报告',
  '无承担单位',
];
const COLORS = [...new Set(Object.values(TRAFFIC_LIGHT_COLORS).map((c) => c.toLowerCase()))];

describe('the status vocabulary has one owner (the core)', () => {
  it('finds no status label or status colour literal in apps/gateway/src or apps/admin/src', () => {
    const files = ROOTS.flatMap(sources);
    expect(files.length).toBeGreaterThan(20);
    const hits: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const lower = text.toLowerCase();
      for (const label of LABELS) {
        if (new RegExp(`['"\`]${label}['"\`]`).test(text))
          hits.push(`${path.relative(process.cwd(), file)}: '${label}'`);
      }
      for (const color of COLORS)
        if (lower.includes(color)) hits.push(`${path.relative(process.cwd(), file)}: ${color}`);
    }
    expect(hits).toEqual([]);
  });
});
