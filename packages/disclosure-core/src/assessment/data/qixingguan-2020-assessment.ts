import { CoreError } from '../../_lib/core-error';
import type { AssessmentScheme, Indicator, WorkScope } from '../types';
import { validateScheme } from '../validate-scheme';

const LATE_HALF = 0.5;

/** 保障措施 (一)–(三), scored alike for both classes (30 points). */
const safeguards = (prefix: string): Indicator => ({
  kind: 'group',
  id: `${prefix}4`,
  name: '保障措施落实',
  points: 30,
  rationale: '方案“三、保障措施”:组织领导、教育培训、跟踪落实。',
  children: [
    {
      kind: 'leaf',
      id: `${prefix}4.1`,
      name: '组织领导',
      points: 5,
      rationale: '保障措施(一):办公室作为政务公开工作主管部门,夯实公开机构和队伍——由考核人员据实评分。',
      method: { kind: 'manual', whenMissing: 'zero' },
    },
    {
      kind: 'leaf',
      id: `${prefix}4.2`,
      name: '教育培训',
      points: 5,
      rationale: '保障措施(二):各单位有针对性地开展业务培训;年内至少1次得满分,未开展不得分。',
      method: { kind: 'recurring', match: { kind: 'training' }, minimum: 1, belowMinimum: 'zero' },
    },
    {
      kind: 'leaf',
      id: `${prefix}4.3`,
      name: '上级通报情况',
      points: 20,
      rationale:
        '保障措施(三):省政府办公厅从二季度起对落实情况进行通报,区政府办将通报结果纳入2020年年度考核;省、市通报批评每次扣5分,扣完为止。',
      method: {
        kind: 'events',
        direction: 'deduct',
        each: 5,
        match: { kind: 'circular', tone: 'criticism', levels: ['national', 'province', 'city'] },
      },
    },
  ],
});

/** 完成时效 (10 points): 0.5 off per working day late, within a scope. */
const halfPointPerDayLate = (id: string, scope: WorkScope): Indicator => ({
  kind: 'leaf',
  id,
  name: '完成时效',
  points: 10,
  rationale: '每逾期一个工作日扣0.5分,扣完为止。',
  method: { kind: 'timeliness', per: 'working_day_late', deduct: 0.5, scope },
});

const bonuses = (prefix: string): Indicator[] => [
  {
    kind: 'leaf',
    id: `${prefix}b1`,
    name: '上级通报表扬',
    points: 4,
    rationale: '通报结果纳入考核(保障措施(三))的另一面:省、市通报表扬每次加2分,最多4分。',
    method: {
      kind: 'events',
      direction: 'add',
      each: 2,
      match: { kind: 'circular', tone: 'commendation', levels: ['national', 'province', 'city'] },
    },
  },
  {
    kind: 'leaf',
    id: `${prefix}b2`,
    name: '经验做法获上级推广',
    points: 3,
    rationale: '保障措施(二)要求学习借鉴先进经验;本单位经验被省、市推广的,每次加3分,最多3分。',
    method: {
      kind: 'events',
      direction: 'add',
      each: 3,
      match: { kind: 'experience_promoted', levels: ['national', 'province', 'city'] },
    },
  },
];

const scheme: AssessmentScheme = {
  id: 'qixingguan-2020-assessment',
  name: '七星关区2020年政务公开工作年度考核(示例方案)',
  total: 100,
  period: { from: '2020-06-04', to: '2020-12-31' },
  grades: { excellent: 90, good: 80, pass: 60 },
  classes: [
    {
      id: 'townships',
      name: '乡镇街道',
      appliesTo: { kinds: ['subdistrict', 'town', 'township'] },
      indicators: [
        {
          kind: 'leaf',
          id: 'x1',
          name: '聚焦中心工作加大公开力度',
          points: 25,
          rationale: '重点任务(一)1—5:长期坚持的领域信息公开;每季度至少报告一次进展,按期报告的任务计为按时。',
          method: { kind: 'completion', lateFraction: LATE_HALF, scope: { categories: [1] } },
        },
        {
          kind: 'group',
          id: 'x2',
          name: '政务公开标准规范建设',
          points: 30,
          rationale: '重点任务(二)6—8:7月中旬前编制标准目录、年内健全制度、9月底前公共企事业单位清单。',
          children: [
            {
              kind: 'leaf',
              id: 'x2.1',
              name: '按时完成',
              points: 20,
              rationale: '按时完成得全分,逾期完成得一半,逾期未完成不得分。',
              method: { kind: 'completion', lateFraction: LATE_HALF, scope: { categories: [2] } },
            },
            halfPointPerDayLate('x2.2', { categories: [2] }),
          ],
        },
        {
          kind: 'leaf',
          id: 'x3',
          name: '政务公开平台建设',
          points: 15,
          rationale: '重点任务(三)9—11:9月底前调整网站栏目,政务新媒体和业务系统建设长期坚持。',
          method: { kind: 'completion', lateFraction: LATE_HALF, scope: { categories: [3] } },
        },
        safeguards('x'),
      ],
      bonuses: bonuses('x'),
      bonusCap: 5,
    },
    {
      id: 'departments',
      name: '区直部门',
      appliesTo: {
        kinds: ['department', 'directly_affiliated'],
        include: ['ecology-environment-branch'],
        exclude: ['gov-office'],
      },
      indicators: [
        {
          kind: 'group',
          id: 'd1',
          name: '牵头任务落实',
          points: 35,
          rationale: '牵头单位对所牵头事项负总责;无牵头任务的单位该项不扣分。',
          children: [
            {
              kind: 'leaf',
              id: 'd1.1',
              name: '按时完成',
              points: 25,
              method: { kind: 'completion', lateFraction: LATE_HALF, scope: { roles: ['lead'] } },
            },
            halfPointPerDayLate('d1.2', { roles: ['lead'] }),
          ],
        },
        {
          kind: 'group',
          id: 'd2',
          name: '配合任务落实',
          points: 35,
          rationale: '责任单位须完成本单位承担的部分(如本单位标准目录、制度规范)并报告。',
          children: [
            {
              kind: 'leaf',
              id: 'd2.1',
              name: '按时完成',
              points: 25,
              method: { kind: 'completion', lateFraction: LATE_HALF, scope: { roles: ['responsible'] } },
            },
            {
              kind: 'leaf',
              id: 'd2.2',
              name: '完成时效',
              points: 10,
              rationale: '每项未按时完成扣1分,扣完为止。',
              method: { kind: 'timeliness', per: 'late_item', deduct: 1, scope: { roles: ['responsible'] } },
            },
          ],
        },
        safeguards('d'),
      ],
      bonuses: bonuses('d'),
      bonusCap: 5,
    },
  ],
};

function checked(s: AssessmentScheme): AssessmentScheme {
  const r = validateScheme(s);
  if (!r.ok)
    throw new CoreError('INVALID_SCHEME', `The bundled scheme is invalid: ${JSON.stringify(r.issues)}`);
  return r.value;
}

/**
 * An example 考核方案 for the 七星关区 2020 plan, written as data an office can copy and edit
 * (docs/scoring.md explains each indicator). Two classes, each ranked on its own: 乡镇街道 (indicators
 * by the plan's three categories) and 区直部门 (lead and responsible duties apart; 区政府办, the
 * assessing office, and the outside power bodies are not scored). Both give 30 points to the 保障措施:
 * 组织领导 (manual), 教育培训 (at least one training), 上级通报 (−5 per provincial or municipal
 * criticism); bonuses for commendations (+2 each, ≤ 4) and promoted experience (+3, ≤ 3), together
 * ≤ 5. Grades 90 / 80 / 60. Events count from the issue date (2020-06-04) to 2020-12-31.
 *
 * @example
 * ```ts
 * const r = scoreUnits(qixingguan2020, { reports, events, scheme: qixingguan2020Assessment, asOf: '2020-12-31' });
 * JSON.parse(JSON.stringify(qixingguan2020Assessment)); // plain data
 * ```
 */
export const qixingguan2020Assessment: AssessmentScheme = /* @__PURE__ */ checked(scheme);
