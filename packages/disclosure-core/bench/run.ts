/**
 * `pnpm bench`: the deadline and calendar benchmark (issue 3). Each task runs a batch of calls per
 * iteration so that sub-microsecond calls are not drowned by timer overhead; figures are calls/s.
 * Results go to docs/performance.md by hand ("Deadlines and calendar").
 */
import chineseDays from 'chinese-days';
import { Bench } from 'tinybench';
import {
  chinaWorkCalendar,
  type Deadline,
  type DeadlineReport,
  evaluateStatus,
  parseDeadline,
  type RecordedEvent,
} from '../src/index';

const { findWorkday } = chineseDays;
const opts = { planYear: 2020, issuedOn: '2020-06-04' } as const;

// Every deadline phrase of the 七星关区 2020 plan (annex, body, safeguard measures).
const SEED_PHRASES = [
  '立即落实,长期坚持',
  '立即落实,并长期坚持',
  '2020年内',
  '2020年7月底前',
  '2020年7月中旬前',
  '2020年9月底前',
  '7月中旬前',
  '10月底前',
  '9月底前',
  '确保7月底前实现“全省通办”事项异地收件、远程受理,年底前实现异地受理、远程办理',
  '待省政府办公厅建立全省政府系统政务新媒体备案管理系统后',
  '待全省政府信息依申请公开数字化管理平台、全省规章和规范性文件数据库建设完成后,立即规范应用',
  '待贵州省惠民政策项目资金信息公开平台上线运行后',
  '区政府办每年至少要组织1—2次政务公开专题培训',
  '省政府办公厅从二季度起,采取专项督查与综合评估相结合的方式,对相关工作落实情况进行通报',
];

// 1 000 dates spread over 2020-01-01 … 2025-12-31 (results stay inside the covered years).
const DATES: string[] = [];
for (let i = 0; i < 1000; i++) {
  const ms = Date.UTC(2020, 0, 1) + Math.floor((i * 2190) / 1000) * 86_400_000;
  DATES.push(new Date(ms).toISOString().slice(0, 10));
}

const deadlines: Deadline[] = SEED_PHRASES.map((p) => {
  const r = parseDeadline(p, opts);
  if (!r.ok) throw new Error(`seed phrase does not parse: ${p}`);
  return r.value;
});
const events: RecordedEvent[] = [
  { key: '省政府办公厅建立全省政府系统政务新媒体备案管理系统', occurredOn: '2020-08-15' },
];
const reports: DeadlineReport[] = [
  { reportedOn: '2020-07-01', state: 'started' },
  { reportedOn: '2020-09-20', state: 'done' },
];
const AS_OF = ['2020-07-15', '2020-08-03', '2020-10-20', '2021-01-15'];
const STATUS_INPUTS = deadlines.flatMap((deadline) =>
  AS_OF.map((asOf) => ({ input: { deadline, reports, events }, asOf })),
);

// Agreement check: our answers against chinese-days' on the same dates.
let disagreements = 0;
const examples: string[] = [];
for (const d of DATES) {
  const ours = chinaWorkCalendar.addWorkingDays(d, 20);
  const theirs = findWorkday(20, d);
  if (ours !== theirs) {
    disagreements++;
    if (examples.length < 3) examples.push(`${d}: ours ${ours}, chinese-days ${theirs}`);
  }
}

let sink = 0;
const bench = new Bench({ time: 1500, warmup: true });
bench
  .add('addWorkingDays(d, 20) ×1000', () => {
    for (const d of DATES) sink += chinaWorkCalendar.addWorkingDays(d, 20).length;
  })
  .add('chinese-days findWorkday(20, d) ×1000', () => {
    for (const d of DATES) sink += findWorkday(20, d).length;
  })
  .add(`evaluateStatus ×${STATUS_INPUTS.length}`, () => {
    for (const { input, asOf } of STATUS_INPUTS)
      sink += evaluateStatus(input, { asOf }).explanation.zh.length;
  })
  .add(`parseDeadline ×${SEED_PHRASES.length} seed phrases`, () => {
    for (const p of SEED_PHRASES) sink += parseDeadline(p, opts).ok ? 1 : 0;
  });

await bench.run();

const batch = [DATES.length, DATES.length, STATUS_INPUTS.length, SEED_PHRASES.length];
const perSecond = bench.tasks.map((t, i) => {
  const r = t.result;
  if (r.state !== 'completed') throw new Error(`${t.name}: ${r.state}`);
  return ((batch[i] ?? 1) * 1000) / r.period;
});
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const [ours = 0, theirs = 0, status = 0, parse = 0] = perSecond;

console.log(
  `node ${process.version}, ${process.platform} ${process.arch}, TZ=${process.env.TZ ?? '(unset)'}`,
);
console.table(
  bench.tasks.map((t, i) => ({
    task: t.name,
    'calls/s': fmt(perSecond[i] ?? 0),
    samples: t.result.state === 'completed' ? t.result.latency.samplesCount : 0,
  })),
);
console.log(`addWorkingDays vs chinese-days findWorkday: ${(ours / theirs).toFixed(1)}× (goal ≥ 10×)`);
console.log(`evaluateStatus: ${fmt(status)} calls/s (goal ≥ 1,000,000)`);
console.log(`parseDeadline: ${fmt(parse)} phrases/s (goal ≥ 200,000)`);
console.log(
  `agreement with chinese-days on ${DATES.length} dates: ${DATES.length - disagreements} equal` +
    (examples.length > 0 ? `; e.g. ${examples.join('; ')}` : ''),
);
if (sink === 0) console.log('(sink)');
