import {
  type ParsedPlanDocument,
  type ParsePlanDocumentOptions,
  parsePlanDocument,
} from '@qxg/disclosure-core';
import {
  elements,
  findFirst,
  type GridCell,
  isElement,
  type MarkupNode,
  oneLine,
  parseMarkup,
  tableLines,
} from './_lib/markup';

/** Elements that are never the article. */
const DROPPED = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'iframe',
  'nav',
  'header',
  'footer',
  'form',
  'select',
  'option',
  'button',
  'input',
  'textarea',
  'svg',
  'object',
  'embed',
  'audio',
  'video',
  'map',
]);
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'aside',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'center',
  'hr',
  'tr',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'caption',
  'figure',
  'figcaption',
  'address',
  'body',
  'html',
]);
/** Class or id words of site chrome: menus, breadcrumbs, share bars, footers. */
const CHROME =
  /(?:^|[\s_-])(?:nav|menu|breadcrumb|crumb|share|footer|foot|header|top-?bar|sidebar|toolbar|search|login|friend-?link|links|copyright|bdsharebuttonbox|print|fontsize|zoom-?ctrl)(?:$|[\s_-])/iu;

function textOf(node: MarkupNode): string {
  if (node.type === 'text') return node.data ?? '';
  if (!isElement(node) || DROPPED.has(node.name ?? '')) return '';
  if (node.name === 'br') return '\n';
  return (node.children ?? []).map(textOf).join('');
}

function linkText(node: MarkupNode): number {
  if (!isElement(node)) return 0;
  if (node.name === 'a') return oneLine(textOf(node)).length;
  return (node.children ?? []).reduce((n, c) => n + linkText(c), 0);
}

/** Whether a block is site chrome: a menu of links, a share bar, a footer. */
function isChrome(node: MarkupNode): boolean {
  const name = node.name ?? '';
  if (DROPPED.has(name)) return true;
  const marks = `${node.attribs?.class ?? ''} ${node.attribs?.id ?? ''}`;
  const text = oneLine(textOf(node));
  if (CHROME.test(marks) && !text.includes('。')) return true;
  if (!['ul', 'ol', 'div', 'td', 'table', 'dl', 'p', 'span'].includes(name) || text.includes('。'))
    return false;
  return text.length > 0 && linkText(node) / text.length > 0.6;
}

/** A data table: no cell holds another table or a run of paragraphs (a page laid out in a table does). */
function isDataTable(table: MarkupNode): boolean {
  const cells = rowsOf(table).flatMap((tr) => elements(tr).filter((c) => c.name === 'td' || c.name === 'th'));
  return cells.every((td) => findFirst(td, 'table') === undefined && elements(td, 'p').length <= 6);
}

function rowsOf(table: MarkupNode): MarkupNode[] {
  const out: MarkupNode[] = [];
  for (const c of elements(table)) {
    if (c.name === 'tr') out.push(c);
    else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') out.push(...elements(c, 'tr'));
  }
  return out;
}

function gridOf(table: MarkupNode): GridCell[][] {
  return rowsOf(table).map((tr) =>
    elements(tr)
      .filter((c) => c.name === 'td' || c.name === 'th')
      .map((td) => {
        const n = (a: string) => {
          const v = Number.parseInt(td.attribs?.[a] ?? '1', 10);
          return Number.isFinite(v) && v > 0 ? Math.min(v, 200) : 1;
        };
        const text = blockLines(td).map(oneLine).join('');
        return { text, colSpan: n('colspan'), rowSpan: n('rowspan') };
      }),
  );
}

/** The article's lines: each block on its own line, each data table in the `|` form. */
function blockLines(node: MarkupNode): string[] {
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    for (const part of current.split('\n')) {
      const t = oneLine(part);
      if (t !== '') lines.push(t);
    }
    current = '';
  };
  const walk = (n: MarkupNode) => {
    if (n.type === 'text') {
      current += (n.data ?? '').replace(/[\r\n\t]+/gu, ' ');
      return;
    }
    if (!isElement(n) && n.type !== 'root') return;
    if (isElement(n) && isChrome(n)) return;
    if (n.name === 'br') {
      current += '\n';
      return;
    }
    if (n.name === 'table' && isDataTable(n)) {
      flush();
      lines.push(...tableLines(gridOf(n)));
      return;
    }
    const block = BLOCKS.has(n.name ?? '') || n.name === 'td' || n.name === 'th';
    if (block) flush();
    for (const c of n.children ?? []) walk(c);
    if (block) flush();
  };
  walk(node);
  flush();
  return lines;
}

/**
 * The text of a web page as the plan reader takes it: the article's paragraphs one per line, each
 * data `<table>` one `|` row per line with rowspan / colspan cells left empty in place. Scripts,
 * styles, `<nav>`, headers, footers and blocks that are mostly links (menus, breadcrumbs, related
 * articles) are left out; the 索引号 box stays, for its 文号 and dates.
 *
 * @example
 * ```ts
 * htmlText('<nav><a href="/">首页</a></nav><p>一、重点任务</p><table><tr><td rowspan="2">A</td><td>1</td></tr><tr><td>2</td></tr></table>');
 * // '一、重点任务\n|A|1|\n| |2|'
 * ```
 */
export function htmlText(html: string): string {
  const root = parseMarkup(html);
  const body = findFirst(root, 'body') ?? root;
  return blockLines(body).join('\n');
}

/**
 * Reads a plan from an HTML page as saved from a government website, through {@link htmlText} and
 * `parsePlanDocument`.
 *
 * @example
 * ```ts
 * const { plan, findings } = readPlanHtml(await readFile('plan.html', 'utf8'), { registry });
 * ```
 */
export function readPlanHtml(html: string, options: ParsePlanDocumentOptions): ParsedPlanDocument {
  return parsePlanDocument(htmlText(html), options);
}
