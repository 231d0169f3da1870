// A plain Node ESM consumer of the built package (no TypeScript, no bundler, no source condition).
import assert from 'node:assert/strict';
import { expandAssignments, lintPlan, qixingguan2020 } from '@qxg/disclosure-core';

assert.equal(qixingguan2020.docNumber, '七星府办通〔2020〕84号');
const assignments = expandAssignments(qixingguan2020);
assert.ok(
  assignments.length > 31 * 48,
  `expected every item to reach the 48 townships, got ${assignments.length}`,
);
const findings = lintPlan(qixingguan2020);
assert.ok(findings.some((f) => f.code === 'body_lead_missing_in_annex'));
console.log(`esm: ${assignments.length} assignments, ${findings.length} findings`);
