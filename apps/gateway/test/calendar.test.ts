// The work calendar as data (issue 13): seeded at start-up, loaded and extended by the office, and
// used at once by statuses, snapshots and scores; on both engines.
import { CHINA_HOLIDAY_YEARS } from '@qxg/disclosure-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../src/services/bootstrap';
import { calendarFor } from '../src/services/calendar';
import { decompositionTable } from '../src/services/downloads';
import { refreshStatusSnapshots } from '../src/services/status-snapshots';
import { PLAN_2027_INPUT, PLATFORM_EVENT, TEST_2027_ARRANGEMENT, TEST_2027_JSON } from './calendar-fixtures';
import { ADMIN_PASSWORD, gid, type Json, startGateway, TEST_ENGINES, type TestGateway } from './harness';

const LOAD = /* GraphQL */ `
  mutation($i: LoadCalendarYearInput!) {
    loadCalendarYear(input: $i) {
      calendarYear { year docNumber notices origin offDays workDays days { date kind name } }
      userErrors { code field message { zh en } }
    }
  }
`;
const SET_LOCAL = /* GraphQL */ `
  mutation($i: SetLocalDayInput!) {
    setLocalDay(input: $i) { day { date scope kind name note } userErrors { code field message { zh en } } }
  }
`;
const REMOVE_LOCAL = /* GraphQL */ `
  mutation($d: Date!) { removeLocalDay(date: $d) { removedDate userErrors { code message { zh en } } } }
`;
const REMOVE_YEAR = /* GraphQL */ `
  mutation($y: Int!) { removeCalendarYear(year: $y) { removedYear userErrors { code message { zh en } } } }
`;
const IMPORT = /* GraphQL */ `
  mutation($i: ImportPlanInput!) { importPlan(input: $i) { plan { key } userErrors { code message { zh } } } }
`;
const ITEMS = /* GraphQL */ `
  query($asOf: Date) {
    workItems(planId: "test-2027", first: 10) {
      edges { node { content deadlineText dueOn status(asOf: $asOf) { status dueOn workingDaysLeft estimated } } }
    }
  }
`;

type Item = { content: string; deadlineText: string; dueOn: string | null; status: Json };

for (const engine of TEST_ENGINES) {
  describe.skipIf(engine.skipReason !== null)(`the work calendar as data on ${engine.engine}`, () => {
    let gw: TestGateway;
    let admin = '';
    beforeAll(async () => {
      gw = await startGateway(engine);
      admin = await gw.tokenFor('ADMIN');
    }, 120_000);
    afterAll(async () => {
      await gw?.close();
    });

    async function items(asOf: string): Promise<Record<string, Item>> {
      const r = await gw.gql<{ workItems: Json }>(ITEMS, { asOf }, admin);
      expect(r.errors).toBeUndefined();
      return Object.fromEntries(r.data!.workItems.edges.map((e: Json) => [e.node.deadlineText, e.node]));
    }

    it('is seeded at start-up from the years the core embeds, and seeding again changes nothing', async () => {
      const years = await gw.db.prisma.calendarYear.findMany({ orderBy: { year: 'asc' } });
      expect(years.map((y) => y.year)).toEqual(CHINA_HOLIDAY_YEARS.map((y) => y.year));
      expect(new Set(years.map((y) => y.origin))).toEqual(new Set(['EMBEDDED']));
      const days = await gw.db.prisma.calendarDay.count({ where: { scope: 'NATIONAL' } });
      expect(days).toBe(CHINA_HOLIDAY_YEARS.reduce((n, y) => n + y.days.length, 0));
      const audits = await gw.db.prisma.auditEntry.count({ where: { action: 'seedCalendarYear' } });
      expect(audits).toBe(CHINA_HOLIDAY_YEARS.length);
      await bootstrap(gw.db, gw.url, { adminPassword: ADMIN_PASSWORD });
      expect(await gw.db.prisma.calendarDay.count({ where: { scope: 'NATIONAL' } })).toBe(days);
      expect(await gw.db.prisma.auditEntry.count({ where: { action: 'seedCalendarYear' } })).toBe(audits);
    });

    it('seeds what an existing database lacks (an upgrade), under the start-up lock', async () => {
      await gw.db.prisma.calendarDay.deleteMany({ where: { year: 2026 } });
      await gw.db.prisma.calendarYear.delete({ where: { year: 2026 } });
      await Promise.all([
        bootstrap(gw.db, gw.url, { adminPassword: ADMIN_PASSWORD }),
        bootstrap(gw.db, gw.url, { adminPassword: ADMIN_PASSWORD }),
      ]);
      const y2026 = CHINA_HOLIDAY_YEARS.find((y) => y.year === 2026)!;
      expect(await gw.db.prisma.calendarDay.count({ where: { year: 2026 } })).toBe(y2026.days.length);
      expect((await gw.db.prisma.calendarYear.findUniqueOrThrow({ where: { year: 2026 } })).origin).toBe(
        'EMBEDDED',
      );
    });

    it('answers the calendar: years with their notices, and each day of a span', async () => {
      const r = await gw.gql<{ workCalendar: Json }>(`{
        workCalendar {
          from to years { year origin notices offDays workDays }
          days(from: "2020-01-17", to: "2020-01-24") { date kind isWorkingDay name { zh } source estimated }
          later: days(from: "2030-10-01", to: "2030-10-01") { date kind estimated source }
        } }`);
      expect(r.errors).toBeUndefined();
      const c = r.data!.workCalendar;
      expect(c.from).toBe('2020-01-01');
      expect(c.to).toBe('2026-12-31');
      expect(c.years[0]).toMatchObject({ year: 2020, origin: 'EMBEDDED' });
      expect(c.years[0].notices[0]).toMatch(/^http:\/\/www\.gov\.cn\//);
      const byDate = Object.fromEntries(c.days.map((d: Json) => [d.date, d]));
      expect(byDate['2020-01-19']).toMatchObject({
        kind: 'MAKEUP_WORKDAY',
        isWorkingDay: true,
        name: { zh: '春节' },
      });
      expect(byDate['2020-01-18']).toMatchObject({ kind: 'WEEKEND', isWorkingDay: false });
      expect(byDate['2020-01-24']).toMatchObject({ kind: 'HOLIDAY', source: 'NOTICE', estimated: false });
      // Past the loaded years: the weekend rule, flagged.
      expect(c.later[0]).toEqual({
        date: '2030-10-01',
        kind: 'WORKDAY',
        estimated: true,
        source: 'ESTIMATE',
      });
      const tooLong = await gw.gql(
        `{ workCalendar { days(from: "2020-01-01", to: "2021-12-31") { date } } }`,
      );
      expect(tooLong.errors?.[0]?.message).toContain('日期范围须为1至400天');
    });

    it('refuses bad arrangements with Chinese-first user errors, writing nothing', async () => {
      const before = await gw.db.prisma.calendarDay.count();
      const cases: [Record<string, unknown>, string, string][] = [
        [{ holidayCnJson: '{ not json' }, 'INVALID_CALENDAR', '不是有效的JSON'],
        [
          { holidayCnJson: JSON.stringify({ year: 2027, days: [{ date: '2027-01-01' }] }) },
          'INVALID_CALENDAR',
          'isOffDay',
        ],
        [
          { year: 2029, days: [{ date: '2029-01-01', kind: 'OFF', name: '元旦' }] },
          'CALENDAR_NOT_CONTIGUOUS',
          '只能载入2027年',
        ],
        [
          { year: 2027, days: [{ date: '2029-01-01', kind: 'OFF', name: '元旦' }] },
          'INVALID_CALENDAR',
          '不在2027年安排的范围内',
        ],
        [
          {
            year: 2027,
            days: [
              { date: '2027-01-01', kind: 'OFF', name: '元旦' },
              { date: '2027-01-01', kind: 'OFF', name: '元旦' },
            ],
          },
          'INVALID_CALENDAR',
          '重复列出',
        ],
        [
          { year: 2027, days: [{ date: '2027-01-01', kind: 'OFF', name: ' ' }] },
          'INVALID_CALENDAR',
          '节日名称',
        ],
        [
          { year: 2027, days: [{ date: '2027-01-01', kind: 'HOLIDAY', name: '元旦' }] },
          'INVALID_CALENDAR',
          '放假或调休上班',
        ],
        [{ year: 2027, days: [] }, 'INVALID_CALENDAR', '至少填写一天'],
        [
          { year: 2027, notices: ['ftp://x'], days: [{ date: '2027-01-01', kind: 'OFF', name: '元旦' }] },
          'INVALID_URL',
          '网址',
        ],
        [{ holidayCnJson: TEST_2027_JSON, year: 2028 }, 'INVALID_CALENDAR', '不一致'],
      ];
      for (const [input, code, zh] of cases) {
        const r = await gw.gql<{ loadCalendarYear: Json }>(LOAD, { i: input }, admin);
        expect(r.errors, JSON.stringify(input)).toBeUndefined();
        const errors = r.data!.loadCalendarYear.userErrors;
        expect(
          errors.map((e: Json) => e.code),
          JSON.stringify(input),
        ).toContain(code);
        expect(errors.map((e: Json) => e.message.zh).join(' '), JSON.stringify(input)).toContain(zh);
        expect(r.data!.loadCalendarYear.calendarYear).toBeNull();
      }
      expect(await gw.db.prisma.calendarDay.count()).toBe(before);
      const local = await gw.gql<{ setLocalDay: Json }>(
        SET_LOCAL,
        { i: { date: '2027-03-03', kind: 'HOLIDAY', name: '彝族年' } },
        admin,
      );
      expect(local.data!.setLocalDay.userErrors[0]).toMatchObject({ code: 'OUTSIDE_CALENDAR' });
      expect(local.data!.setLocalDay.userErrors[0].message.zh).toContain('请先载入2027年的节假日安排');
    });

    it('turns a 2027 deadline from estimated into exact when the 2027 arrangement is loaded, in statuses and snapshots', async () => {
      const imported = await gw.gql<{ importPlan: Json }>(IMPORT, { i: PLAN_2027_INPUT }, admin);
      expect(imported.data!.importPlan.userErrors).toEqual([]);
      await gw.db.prisma.outsideEvent.create({
        data: {
          kind: 'PLATFORM_LIVE',
          eventKey: PLATFORM_EVENT.key,
          occurredOn: PLATFORM_EVENT.occurredOn,
          text: '测试平台上线',
        },
      });
      const asOf = '2027-03-02';
      const before = await items(asOf);
      const dated = before['2027年3月底前']!;
      expect(dated.status).toMatchObject({ dueOn: '2027-03-31', estimated: true });
      // Weekends only: 22 working days after 2 March up to 31 March.
      expect(dated.status.workingDaysLeft).toBe(21);
      expect(before['自平台上线之日起5个工作日内']!.status).toMatchObject({
        dueOn: '2027-03-08',
        estimated: true,
      });

      const loaded = await gw.gql<{ loadCalendarYear: Json }>(
        LOAD,
        { i: { holidayCnJson: TEST_2027_JSON, docNumber: '国办发明电〔2026〕99号' } },
        admin,
      );
      expect(loaded.errors).toBeUndefined();
      expect(loaded.data!.loadCalendarYear.userErrors).toEqual([]);
      expect(loaded.data!.loadCalendarYear.calendarYear).toMatchObject({
        year: 2027,
        docNumber: '国办发明电〔2026〕99号',
        notices: TEST_2027_ARRANGEMENT.papers,
        origin: 'LOADED',
        offDays: 8,
        workDays: 1,
      });

      const after = await items(asOf);
      // Exact now, and 15 March (a made-up day off in the test arrangement) no longer counts.
      expect(after['2027年3月底前']!.status).toMatchObject({
        dueOn: '2027-03-31',
        estimated: false,
        workingDaysLeft: 20,
      });
      expect(after['自平台上线之日起5个工作日内']!.status).toMatchObject({
        dueOn: '2027-03-08',
        estimated: false,
      });
      const cal = await gw.gql<{ workCalendar: Json }>(
        `{ workCalendar { to days(from: "2027-03-15", to: "2027-03-15") { kind estimated name { zh } } } }`,
      );
      expect(cal.data!.workCalendar).toEqual({
        to: '2027-12-31',
        days: [{ kind: 'HOLIDAY', estimated: false, name: { zh: '测试假日' } }],
      });

      // The analysts' snapshots use it too.
      await refreshStatusSnapshots(gw.db, asOf);
      const item = await gw.db.prisma.workItem.findFirstOrThrow({
        where: { deadlineText: '2027年3月底前', keyTask: { planId: 'test-2027' } },
        include: { assignments: true },
      });
      const snap = await gw.db.prisma.statusSnapshot.findUniqueOrThrow({
        where: { assignmentId_asOf: { assignmentId: item.assignments[0]!.id, asOf } },
      });
      expect(snap).toMatchObject({ dueOn: '2027-03-31', workingDaysLeft: 20 });
    });

    it('moves a working-day deadline by a local holiday, and back when it is removed', async () => {
      const asOf = '2027-03-02';
      const set = await gw.gql<{ setLocalDay: Json }>(
        SET_LOCAL,
        { i: { date: '2027-03-03', kind: 'HOLIDAY', name: '彝族年', note: '自治条例' } },
        admin,
      );
      expect(set.data!.setLocalDay).toEqual({
        day: { date: '2027-03-03', scope: 'LOCAL', kind: 'HOLIDAY', name: '彝族年', note: '自治条例' },
        userErrors: [],
      });
      const moved = await items(asOf);
      expect(moved['自平台上线之日起5个工作日内']!.status).toMatchObject({
        dueOn: '2027-03-09',
        estimated: false,
      });
      expect(moved['自平台上线之日起5个工作日内']!.dueOn).toBe('2027-03-09');
      // The download (the decomposition table with its 到期日 column) uses it too.
      const csv = await decompositionTable(gw.db, 'test-2027', 'csv', asOf);
      const line = String(csv!.body)
        .split('\n')
        .find((l) => l.includes('自平台上线之日起5个工作日内'));
      expect(line).toContain('2027-03-09');
      // Setting it again replaces it (one local row per day).
      const again = await gw.gql<{ setLocalDay: Json }>(
        SET_LOCAL,
        { i: { date: '2027-03-03', kind: 'HOLIDAY', name: '彝族年', note: '地方规定' } },
        admin,
      );
      expect(again.data!.setLocalDay.day.note).toBe('地方规定');
      expect(await gw.db.prisma.calendarDay.count({ where: { scope: 'LOCAL' } })).toBe(1);

      // A year with a local day in it cannot be removed.
      const blocked = await gw.gql<{ removeCalendarYear: Json }>(REMOVE_YEAR, { y: 2027 }, admin);
      expect(blocked.data!.removeCalendarYear.userErrors[0].message.zh).toContain('地方休息/工作日');

      const removed = await gw.gql<{ removeLocalDay: Json }>(REMOVE_LOCAL, { d: '2027-03-03' }, admin);
      expect(removed.data!.removeLocalDay).toEqual({ removedDate: '2027-03-03', userErrors: [] });
      expect((await items(asOf))['自平台上线之日起5个工作日内']!.status.dueOn).toBe('2027-03-08');
      // A local working Saturday brings it forward.
      const saturday = await gw.gql<{ setLocalDay: Json }>(
        SET_LOCAL,
        { i: { date: '2027-03-06', kind: 'WORKDAY', name: '补班', note: '区政府通知' } },
        admin,
      );
      expect(saturday.data!.setLocalDay.userErrors).toEqual([]);
      expect((await items(asOf))['自平台上线之日起5个工作日内']!.status.dueOn).toBe('2027-03-06');
      await gw.gql(REMOVE_LOCAL, { d: '2027-03-06' }, admin);
      expect((await items(asOf))['自平台上线之日起5个工作日内']!.status.dueOn).toBe('2027-03-08');
      const missing = await gw.gql<{ removeLocalDay: Json }>(REMOVE_LOCAL, { d: '2027-03-03' }, admin);
      expect(missing.data!.removeLocalDay.userErrors[0].code).toBe('NOT_FOUND');
    });

    it('scores with the loaded calendar: an assessment as of 2027 is no longer estimated', async () => {
      const scheme = await gw.db.prisma.assessmentScheme.findFirstOrThrow({
        where: { planId: 'qixingguan-2020' },
      });
      const q = `query($s: ID!) { assessmentPreview(planId: "qixingguan-2020", schemeId: $s, asOf: "2027-01-04") { estimated units { estimated } } }`;
      const exact = await gw.gql<{ assessmentPreview: Json }>(
        q,
        { s: gid('AssessmentScheme', scheme.id) },
        admin,
      );
      expect(exact.errors).toBeUndefined();
      expect(exact.data!.assessmentPreview.estimated).toBe(false);
      expect(exact.data!.assessmentPreview.units.some((u: Json) => u.estimated)).toBe(false);
      // Without 2027 the same preview is an estimate.
      const removed = await gw.gql<{ removeCalendarYear: Json }>(REMOVE_YEAR, { y: 2027 }, admin);
      expect(removed.data!.removeCalendarYear).toEqual({ removedYear: 2027, userErrors: [] });
      const estimated = await gw.gql<{ assessmentPreview: Json }>(
        q,
        { s: gid('AssessmentScheme', scheme.id) },
        admin,
      );
      expect(estimated.data!.assessmentPreview.estimated).toBe(true);
      expect((await items('2027-03-02'))['2027年3月底前']!.status.estimated).toBe(true);
    });

    it('keeps embedded years and the years contiguous', async () => {
      const embedded = await gw.gql<{ removeCalendarYear: Json }>(REMOVE_YEAR, { y: 2026 }, admin);
      expect(embedded.data!.removeCalendarYear.userErrors[0]).toMatchObject({ code: 'FORBIDDEN' });
      expect(embedded.data!.removeCalendarYear.userErrors[0].message.zh).toContain('随系统预置');
      // Typed into the form: 2027, then 2028; removing 2027 would leave a gap.
      const y27 = await gw.gql<{ loadCalendarYear: Json }>(
        LOAD,
        {
          i: {
            year: 2027,
            days: [{ date: '2027-01-01', kind: 'OFF', name: '元旦' }],
            notices: ['https://www.example.gov.cn/a.htm'],
          },
        },
        admin,
      );
      expect(y27.data!.loadCalendarYear.userErrors).toEqual([]);
      const y28 = await gw.gql<{ loadCalendarYear: Json }>(
        LOAD,
        {
          i: {
            year: 2028,
            days: [
              { date: '2028-01-01', kind: 'OFF', name: '元旦' },
              { date: '2028-01-08', kind: 'WORK', name: '元旦' },
            ],
          },
        },
        admin,
      );
      expect(y28.data!.loadCalendarYear.calendarYear).toMatchObject({ year: 2028, offDays: 1, workDays: 1 });
      const gap = await gw.gql<{ removeCalendarYear: Json }>(REMOVE_YEAR, { y: 2027 }, admin);
      expect(gap.data!.removeCalendarYear.userErrors[0].code).toBe('CALENDAR_NOT_CONTIGUOUS');
      // Reloading a year replaces its days.
      const reload = await gw.gql<{ loadCalendarYear: Json }>(
        LOAD,
        { i: { holidayCnJson: TEST_2027_JSON } },
        admin,
      );
      expect(reload.data!.loadCalendarYear.calendarYear.offDays).toBe(8);
      expect(await gw.db.prisma.calendarDay.count({ where: { year: 2027 } })).toBe(
        TEST_2027_ARRANGEMENT.days.length,
      );
      expect((await calendarFor(gw.db)).coverage().to).toBe('2028-12-31');
    });

    it('audits every calendar change with before and after', async () => {
      const entries = await gw.db.prisma.auditEntry.findMany({
        where: { entityType: { in: ['CalendarYear', 'CalendarDay'] }, actorId: { not: null } },
        orderBy: { at: 'asc' },
      });
      const actions = entries.map((e) => `${e.action} ${e.entityId}`);
      expect(actions).toEqual([
        'loadCalendarYear 2027',
        'setLocalDay 2027-03-03',
        'setLocalDay 2027-03-03',
        'removeLocalDay 2027-03-03',
        'setLocalDay 2027-03-06',
        'removeLocalDay 2027-03-06',
        'removeCalendarYear 2027',
        'loadCalendarYear 2027',
        'loadCalendarYear 2028',
        'loadCalendarYear 2027',
      ]);
      const replaced = entries.at(-1)!;
      expect((replaced.before as Json).off).toEqual(['2027-01-01 元旦']);
      expect((replaced.after as Json).off).toContain('2027-03-15 测试假日');
      expect((entries[1]!.after as Json).name).toBe('彝族年');
    });
  });
}
