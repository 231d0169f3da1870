// A plain Node CommonJS consumer of the built package.
const assert = require('node:assert/strict');
const { expandAssignments, lintPlan, qixingguan2020 } = require('@qxg/disclosure-core');

assert.equal(qixingguan2020.categories.length, 3);
const assignments = expandAssignments(qixingguan2020);
assert.ok(assignments.some((a) => a.unitId === 'suburban-power' && a.role === 'lead'));
const findings = lintPlan(qixingguan2020);
assert.ok(findings.length > 0);
console.log(`cjs: ${assignments.length} assignments, ${findings.length} findings`);
