/**
 * `pnpm --filter @qxg/plan-io generate:fixtures`: writes the seed plan (七星关区 2020) as a Word file
 * and as a web page, for the readers' tests — test/fixtures/qixingguan-2020.docx (the notice and
 * body as paragraphs, the annex a real Word table: 类别 and 重点任务 merged down their rows, 责任单位
 * and 完成时限 merged where consecutive items repeat them, the 重点任务 header spanning two columns)
 * and test/fixtures/qixingguan-2020.html (the same as a government site's article page, with
 * navigation, a breadcrumb, the 索引号 box and a footer around it, the annex a <table> with rowspan
 * and colspan). The body text is the seed text's; the annex cells come from the seed plan.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Plan, qixingguan2020 } from '@qxg/disclosure-core';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const seedText = readFileSync(here('../../disclosure-core/data/qixingguan-2020-disclosure-plan.txt'), 'utf8');
const lines = seedText.split('\n');
const titleAt = lines.findIndex((l) => l.includes('重点任务分解表 |'));
const bodyLines = lines.slice(0, titleAt).filter((l) => l.trim() !== '');
const tableTitle = (lines[titleAt] ?? '').split('|')[0]?.trim() ?? '';

interface AnnexCell {
  readonly text: string;
  readonly rowSpan: number;
}
/** The annex as rows of cells; a cell merged into the one above is absent from its row (null). */
function annexRows(plan: Plan): (AnnexCell | null)[][] {
  const rows: (AnnexCell | null)[][] = [];
  for (const c of plan.categories) {
    const categoryRows = c.keyTasks.reduce((n, t) => n + t.workItems.length, 0);
    c.keyTasks.forEach((t, ti) => {
      t.workItems.forEach((w, wi) => {
        const runOf = (pick: (i: number) => string) => {
          if (wi > 0 && pick(wi - 1) === pick(wi)) return null;
          let n = 1;
          while (wi + n < t.workItems.length && pick(wi + n) === pick(wi)) n += 1;
          return { text: pick(wi), rowSpan: n };
        };
        rows.push([
          ti === 0 && wi === 0 ? { text: c.title, rowSpan: categoryRows } : null,
          wi === 0 ? { text: `${t.number}.${t.title}。`, rowSpan: t.workItems.length } : null,
          { text: w.content, rowSpan: 1 },
          { text: w.leadUnitsText, rowSpan: 1 },
          runOf((i) => t.workItems[i]?.responsibleUnitsText ?? ''),
          runOf((i) => t.workItems[i]?.deadlineText ?? ''),
        ]);
      });
    });
  }
  return rows;
}

const HEADER: readonly [string, number][] = [
  ['类别', 1],
  ['重点任务', 2],
  ['牵头单位', 1],
  ['责任单位', 1],
  ['完成时限', 1],
];

async function writeDocx(path: string): Promise<void> {
  const para = (text: string) => new Paragraph({ children: [new TextRun(text)] });
  const cell = (text: string, options: { rowSpan?: number; columnSpan?: number } = {}) =>
    new TableCell({ children: [para(text)], ...options });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: HEADER.map(([t, span]) => cell(t, { columnSpan: span })) }),
      ...annexRows(qixingguan2020).map(
        (r) =>
          new TableRow({
            children: r
              .filter((c): c is AnnexCell => c !== null)
              .map((c) => cell(c.text, c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {})),
          }),
      ),
    ],
  });
  const doc = new Document({
    creator: 'qxg',
    sections: [{ children: [...bodyLines.map(para), para(tableTitle), table] }],
  });
  writeFileSync(path, await Packer.toBuffer(doc));
}

const escapeHtml = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

function writeHtml(path: string): void {
  const head = HEADER.map(
    ([t, span]) => `<th${span > 1 ? ` colspan="${span}"` : ''}>${escapeHtml(t)}</th>`,
  ).join('');
  const body = annexRows(qixingguan2020)
    .map(
      (r) =>
        `      <tr>${r
          .filter((c): c is AnnexCell => c !== null)
          .map((c) => `<td${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}>${escapeHtml(c.text)}</td>`)
          .join('')}</tr>`,
    )
    .join('\n');
  const html = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>毕节市七星关区人民政府办公室关于印发毕节市七星关区2020年政务公开工作实施方案的通知_七星关区人民政府</title>
<style>.zoom p { text-indent: 2em; }</style>
<script>window._hmt = window._hmt || [];</script>
</head>
<body>
<header class="top">
  <div class="logo"><a href="/">毕节市七星关区人民政府</a></div>
  <nav><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></nav>
</header>
<div class="breadcrumb"><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zcwj/">政策文件</a></div>
<div class="xxgk-box">
  <table class="xxgk-meta">
    <tr><td>索引号:</td><td>11522401009570453R/2020-00184</td><td>信息分类:</td><td>政务公开</td></tr>
    <tr><td>发布机构:</td><td>毕节市七星关区人民政府办公室</td><td>发布日期:</td><td>2020-06-08</td></tr>
    <tr><td>文号:</td><td>七星府办通〔2020〕84号</td><td>公开方式:</td><td>主动公开</td></tr>
  </table>
</div>
<div class="article">
  <div class="tools">字体:[<a href="/font/l">大</a> <a href="/font/m">中</a> <a href="/font/s">小</a>] <a href="/print">打印</a> <a href="/close">关闭</a></div>
  <div class="zoom">
${bodyLines.map((l) => `    <p>${escapeHtml(l)}</p>`).join('\n')}
    <p style="text-align:center">${escapeHtml(tableTitle)}</p>
    <table border="1" cellspacing="0">
      <tr>${head}</tr>
${body}
    </table>
  </div>
  <div class="share">分享到:<a href="/share/wx">微信</a><a href="/share/wb">微博</a></div>
</div>
<div class="related"><h3>相关文章</h3><ul><li><a href="/a.html">七星关区2019年政务公开工作年度报告</a></li><li><a href="/b.html">关于开展政府开放日活动的通知</a></li></ul></div>
<footer><p>主办:毕节市七星关区人民政府办公室 <a href="/map">网站地图</a></p><p>黔ICP备00000000号</p></footer>
</body>
</html>
`;
  writeFileSync(path, html);
}

/** The answer key of the seed in the corpus's shape, so that `pnpm eval:import` scores these files too. */
function writeAnswers(path: string): void {
  const p = qixingguan2020;
  const tasks = p.categories.flatMap((c, ci) =>
    c.keyTasks.flatMap((t) =>
      t.workItems.map((w) => ({
        path: `${ci + 1}/${t.number}/${w.ordinal}`,
        text: w.content.slice(0, 14),
        lead: w.leadUnitsText,
        responsible: w.responsibleUnitsText,
        deadline: w.deadlineText,
        complete: true,
      })),
    ),
  );
  const answer = {
    file: 'qixingguan-2020',
    notice: {
      title: p.noticeTitle ?? p.title,
      docNumber: p.docNumber,
      issuer: p.issuer,
      issuedOn: p.issuedOn,
      year: p.year,
    },
    tasks,
    notes:
      'Generated from the seed plan qixingguan2020 by scripts/generate-seed-fixtures.ts: one task per work item.',
  };
  writeFileSync(path, `${JSON.stringify(answer, null, 2)}\n`);
}

await writeDocx(here('../test/fixtures/qixingguan-2020.docx'));
writeHtml(here('../test/fixtures/qixingguan-2020.html'));
writeAnswers(here('../test/fixtures/answers/qixingguan-2020.json'));
console.log('wrote test/fixtures/qixingguan-2020.docx, .html and answers/qixingguan-2020.json');
