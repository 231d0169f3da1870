// The core owns the status vocabulary: every status label and colour the app shows is read from
// `@qxg/disclosure-core` (through `vocabulary.ts`). This test reads the app's source and fails when
// one is written down here instead, so a second copy cannot drift from the core again.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { STATUS_INFO, TRAFFIC_LIGHT_COLORS } from '@qxg/disclosure-core';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const THIS_FILE = fileURLToPath(import.meta.url);
// Generated from the gateway's schema (its descriptions are the gateway's text, not the app's).
const GENERATED = path.join(SRC, 'graphql', 'generated');

/** Colours that are not statuses: the brand red (antd's colorPrimary) and neutral layout greys. */
const NON_STATUS_COLORS = new Set(['#b71c1c', '#f0f0f0', '#f5f5f5']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return full === GENERATED ? [] : sourceFiles(full);
    return /\.(ts|tsx|css)$/.test(entry.name) && full !== THIS_FILE ? [full] : [];
  });
}

const files = sourceFiles(SRC).map((file) => ({
  file: path.relative(SRC, file),
  text: readFileSync(file, 'utf8'),
}));

const infos = Object.values(STATUS_INFO);
const statusColors = new Set([...infos.map((i) => i.color), ...Object.values(TRAFFIC_LIGHT_COLORS)]);

describe('status labels and colours come from the core only', () => {
  it('reads the app’s source files', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.some((f) => f.file === path.join('components', 'status-tag.tsx'))).toBe(true);
  });

  it('writes no status label in the app’s source', () => {
    const found = files.flatMap(({ file, text }) =>
      infos.filter((i) => text.includes(i.label.zh)).map((i) => `${file}: ${i.label.zh} (${i.status})`),
    );
    expect(found).toEqual([]);
  });

  it('writes no status colour, and no colour outside the few non-status ones', () => {
    const found = files.flatMap(({ file, text }) =>
      [...text.matchAll(/#[0-9a-f]{6}\b/gi)]
        .map((m) => m[0].toLowerCase())
        .filter((c) => statusColors.has(c) || !NON_STATUS_COLORS.has(c))
        .map((c) => `${file}: ${c}${statusColors.has(c) ? ' (a status colour)' : ''}`),
    );
    expect(found).toEqual([]);
  });

  it('keeps the non-status colours apart from the status colours', () => {
    for (const c of NON_STATUS_COLORS) expect(statusColors.has(c)).toBe(false);
  });
});
