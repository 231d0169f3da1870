// Test data made for the calendar tests (NOT the real 2027 arrangement, which is not published when
// these are written): a holiday-cn file for 2027 and a small 2027 plan as CSV.

/** A made-up 2027 arrangement in the holiday-cn format; 2027-03-15 (a Monday) is a day off. */
export const TEST_2027_ARRANGEMENT = {
  year: 2027,
  papers: ['https://www.example.gov.cn/test/2027-holidays.htm'],
  days: [
    { name: '元旦', date: '2027-01-01', isOffDay: true },
    { name: '春节', date: '2027-02-06', isOffDay: true },
    { name: '春节', date: '2027-02-07', isOffDay: true },
    { name: '春节', date: '2027-02-08', isOffDay: true },
    { name: '春节', date: '2027-02-09', isOffDay: true },
    { name: '春节', date: '2027-02-10', isOffDay: true },
    { name: '春节', date: '2027-02-13', isOffDay: false },
    { name: '测试假日', date: '2027-03-15', isOffDay: true },
    { name: '国庆节', date: '2027-10-01', isOffDay: true },
  ],
};

export const TEST_2027_JSON = JSON.stringify(TEST_2027_ARRANGEMENT, null, 2);

/** A 2027 plan: one dated deadline, one working-day deadline after an event, one standing duty. */
export const PLAN_2027_CSV = [
  '类别,重点任务,工作任务,牵头单位,责任单位,完成时限',
  '加大公开力度,1.推进重点领域公开,公开2027年财政预决算信息。,区发展和改革局,,2027年3月底前',
  '加大公开力度,1.推进重点领域公开,平台上线后公开办事指南。,区农业农村局,,自平台上线之日起5个工作日内',
  '加大公开力度,2.推进政策解读,做好政策解读。,区农业农村局,,长期坚持',
].join('\n');

export const PLAN_2027_INPUT = {
  format: 'CSV',
  content: PLAN_2027_CSV,
  planId: 'test-2027',
  docNumber: '测试府办通〔2027〕1号',
  title: '2027年政务公开工作测试方案',
  issuer: '测试区人民政府办公室',
  issuedOn: '2027-01-11',
  year: 2027,
};

/** The event the working-day deadline waits for, recorded on a Monday. */
export const PLATFORM_EVENT = { key: '平台上线', occurredOn: '2027-03-01' };
