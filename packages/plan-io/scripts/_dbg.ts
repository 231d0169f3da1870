import { readFileSync } from 'node:fs';
import { createUnitRegistry } from '@qxg/disclosure-core';
import { readPlanFile } from '../src/read-plan-file';
const f = process.argv[2] as string;
let t = readFileSync(f, 'utf8');
if (t.startsWith('SOURCE-FORM:')) t = t.split('\n').slice(3).join('\n');
const r = await readPlanFile(new TextEncoder().encode(t), f, { registry: createUnitRegistry([{ id: 'g', name: '人民政府', kind: 'government' }]) });
const i = r.input;
console.log(JSON.stringify({ doc: i?.docNumber, title: i?.title, nt: i?.noticeTitle, issuer: i?.issuer, on: i?.issuedOn, year: i?.year }));
for (const c of i?.categories ?? []) { console.log('C', c.title); for (const k of c.keyTasks) { console.log('  K', k.number, k.title.slice(0, 30), '|', k.leadUnitsText, '|', k.responsibleUnitsText); for (const w of k.workItems) console.log('    W', w.content.slice(0, 30), '|', w.leadUnitsText, '|', w.responsibleUnitsText, '|', w.deadlineText); } }
for (const x of r.findings) if (x.code !== 'unknown_unit') console.log('F', x.severity, x.code, JSON.stringify(x.location), x.message.en.slice(0, 100));
