import type { UnitRegistry } from '../../units/create-unit-registry';
import type { TableRowInput } from '../read-table-rows';
import { matchColumnHeader, type TableColumnKey } from '../table-columns';
import type { ImportFinding } from '../types';
import { createCellScorer, missingCost } from './cell-kind';
import { at, finding } from './finding';

/** A line of the document with its 1-based number. @internal */
export interface NumberedLine {
  readonly line: number;
  readonly text: string;
}

/** A decomposition table read from text flattened with `|`. @internal */
export interface FlatTable {
  readonly title?: string;
  readonly columns: readonly TableColumnKey[];
  readonly rows: readonly TableRowInput[];
  readonly findings: readonly ImportFinding[];
  /** Line of the header row. */
  readonly headerLine: number;
}

type Event =
  | { readonly type: 'cell'; readonly text: string; readonly line: number }
  | { readonly type: 'end'; readonly missing: number; readonly line: number }
  | {
      readonly type: 'row';
      readonly cells: readonly (string | null)[];
      readonly missing: number;
      readonly line: number;
      /** For a row written `|a| |c|`: every cell in place, empty ones null. */
      readonly framed?: readonly (string | null)[];
    };

const TRAILER = /^(?:抄送|印发|注\s*[:：]|说明\s*[:：]|备注\s*[:：]|附件|\(此页|（此页)/u;

/**
 * Reads a decomposition table flattened to text the way government websites export it: every cell
 * ends with `|`, one cell or a whole row per line; a row whose cells were merged away ends with
 * `| |||` (one `|` per missing cell); in a row per line, an empty cell between two `|` is merged; a
 * line holding a lone `|` ends a row written one cell per line. A row written `|a| |c|` (a `|` at
 * both ends) with as many cells as the header has columns keeps its cells in place, empty ones
 * merged (the docx and HTML readers write merged cells so). Which cells are missing when only their
 * count is known is decided by how well each present cell fits each column (numbered key task, unit
 * list, deadline wording …).
 * @internal
 */
export function readFlatTable(lines: readonly NumberedLine[], registry: UnitRegistry): FlatTable | undefined {
  const { events, pending, pendingLine } = tokenizeFlatTable(lines);
  const head = readTableHeader(events);
  if (head === undefined) return undefined;
  const findings: ImportFinding[] = [];
  for (const [i, key] of head.columns.entries()) {
    if (key === undefined)
      findings.push(
        finding(
          'unknown_column',
          'info',
          `第${i + 1}列的表头不认识,该列未读入`,
          `Column ${i + 1} has a header qxg does not know; it was not read`,
          { line: head.headerLine, column: String(i + 1) },
        ),
      );
  }
  const grouped = withGroupColumns(head.columns, events.slice(head.next));
  const columns = withSerialColumn(grouped, events.slice(head.next));
  if (grouped.length > head.columns.length) {
    findings.push(
      finding(
        'group_columns_added',
        'info',
        '部分行的单元格比表头多(合并的类别、任务单元格只写在每组第一行),按前置的类别列读入',
        "Some rows have more cells than the header (merged category and task cells written once, on a group's first row); they are read as leading category columns",
        { line: head.headerLine },
      ),
    );
  }
  const rows = readTableBody(events.slice(head.next), columns, createCellScorer(registry), findings, {
    pending,
    pendingLine,
  });
  return {
    ...(head.title === undefined ? {} : { title: head.title }),
    columns: columns.filter((c): c is TableColumnKey => c !== undefined),
    rows,
    findings,
    headerLine: head.headerLine,
  };
}

/** The cells, rows and row ends of the flattened table, and a cell left open at the end. */
function tokenizeFlatTable(lines: readonly NumberedLine[]): {
  events: Event[];
  pending: string;
  pendingLine: number;
} {
  const events: Event[] = [];
  let lastPipe = -1;
  let firstPipe = -1;
  lines.forEach((l, i) => {
    if (l.text.includes('|')) {
      lastPipe = i;
      if (firstPipe < 0) firstPipe = i;
    }
  });
  let pending = '';
  let pendingLine = 0;
  if (lastPipe < 0) return { events, pending, pendingLine };
  // The first cell's text stands above its lone `|` (工作任务 / | / 具体要求 / | …).
  const before = lines[firstPipe - 1]?.text.trim() ?? '';
  if (lines[firstPipe]?.text.trim() === '|' && before !== '') firstPipe -= 1;
  for (const [i, { text: raw, line }] of lines.entries()) {
    const text = raw.trim();
    if (text === '' || i < firstPipe) continue;
    if (!text.includes('|')) {
      if (i > lastPipe && (TRAILER.test(text) || /[。)）]$/u.test(text))) break;
      if (pending === '') pendingLine = line;
      pending += text;
      continue;
    }
    if (/^[\s|:：\-—]+$/u.test(text) && /-/u.test(text)) continue; // a Markdown rule line
    if (text === '|' && pending === '') {
      events.push({ type: 'end', missing: 0, line });
      continue;
    }
    const framed = text.startsWith('|') && text.endsWith('|') && text.length > 1 && pending === '';
    const segments = text.split('|');
    if (segments[0]?.trim() === '' && text.startsWith('|') && pending === '') segments.shift();
    const open = segments.pop() ?? '';
    if (pending !== '' && segments.length > 0) segments[0] = pending + (segments[0] ?? '');
    const firstLine = pending !== '' ? pendingLine : line;
    pending = '';
    events.push(...lineEvents(segments, firstLine, line, framed));
    if (open.trim() !== '') {
      pending = open.trim();
      pendingLine = line;
    }
  }
  return { events, pending, pendingLine };
}

/** The events of one line's `|`-separated segments. */
function lineEvents(segments: readonly string[], firstLine: number, line: number, framed: boolean): Event[] {
  let last = -1;
  segments.forEach((s, j) => {
    if (s.trim() !== '') last = j;
  });
  const cells = segments.slice(0, last + 1).map((s) => (s.trim() === '' ? null : s.trim()));
  const missing = segments.length - 1 - last;
  if (framed && segments.length >= 2) {
    return [
      {
        type: 'row',
        cells,
        missing,
        line: firstLine,
        framed: segments.map((s) => (s.trim() === '' ? null : s.trim())),
      },
    ];
  }
  if (cells.length >= 2) return [{ type: 'row', cells, missing, line: firstLine }];
  const out: Event[] = [];
  if (cells.length === 1) out.push({ type: 'cell', text: cells[0] ?? '', line: firstLine });
  if (missing > 0) out.push({ type: 'end', missing, line });
  return out;
}

interface TableHead {
  title?: string;
  columns: (TableColumnKey | undefined)[];
  headerLine: number;
  /** The index of the first event after the header. */
  next: number;
}

/** Title rows and the header: a row, or a run of cells, naming at least three known columns. */
function readTableHeader(events: readonly Event[]): TableHead | undefined {
  let title: string | undefined;
  let width = 0;
  let header: (TableColumnKey | undefined)[] | undefined;
  let headerLine = 0;
  let e = 0;
  const isHeader = (t: string | null) => t !== null && matchColumnHeader(t) !== undefined;
  while (e < events.length && header === undefined) {
    const ev = events[e] as Event;
    if (ev.type === 'row') {
      const cells = ev.framed ?? ev.cells;
      const named = cells.filter(isHeader).length;
      if (named >= 3) {
        header = cells.map((c) => (c === null ? undefined : matchColumnHeader(c)));
        width = Math.max(width, ev.framed ? cells.length : ev.cells.length + ev.missing);
        headerLine = ev.line;
      } else if (ev.cells.filter((c) => c !== null).length === 1)
        title ??= ev.cells.find((c) => c !== null) ?? undefined;
      e += 1;
      continue;
    }
    if (ev.type === 'end') {
      e += 1;
      continue;
    }
    // A run of header cells, up to a row end or the first cell that is not a header.
    let j = e;
    const run: string[] = [];
    while (j < events.length) {
      const cur = events[j] as Event;
      if (cur.type !== 'cell' || !isHeader(cur.text)) break;
      run.push(cur.text);
      j += 1;
    }
    if (run.length >= 3) {
      header = run.map((c) => matchColumnHeader(c));
      headerLine = ev.line;
      const after = events[j];
      if (after?.type === 'end') {
        width = Math.max(width, run.length + after.missing);
        j += 1;
      }
      e = j;
      continue;
    }
    const next = events[e + 1];
    if (next?.type === 'end') {
      title ??= ev.text;
      width = Math.max(width, 1 + next.missing);
      e += 2;
      continue;
    }
    e += 1;
  }
  if (header === undefined) return undefined;
  // A header written over several lines: further lines of header words extend it.
  for (; e < events.length; e++) {
    const ev = events[e] as Event;
    const more = ev.type === 'row' ? ev.cells : ev.type === 'cell' ? [ev.text] : [];
    if (ev.type === 'end') {
      width = Math.max(width, header.length + ev.missing);
      continue;
    }
    // A second header row under merged header cells (责任单位 over 牵头单位 | 配合单位): its names
    // replace the ones above them, in place.
    if (ev.type === 'row' && ev.framed && header.length === ev.framed.length) {
      const below = ev.framed.map((c) => (c === null ? undefined : matchColumnHeader(c)));
      if (
        below.some((k) => k !== undefined) &&
        ev.framed.every((c, i) => c === null || below[i] !== undefined)
      ) {
        below.forEach((k, i) => {
          if (k !== undefined && header) header[i] = k;
        });
        continue;
      }
    }
    const keys = more.map((c) => (c === null ? undefined : matchColumnHeader(c)));
    if (keys.length === 0 || keys.some((k) => k === undefined || header?.includes(k))) break;
    header.push(...keys);
  }
  return { ...(title === undefined ? {} : { title }), columns: widen(header, width), headerLine, next: e };
}

/** The rows under the header, each cell placed in its column. */
function readTableBody(
  events: readonly Event[],
  columns: readonly (TableColumnKey | undefined)[],
  score: (text: string | null, key: TableColumnKey | undefined) => number,
  findings: ImportFinding[],
  open: { pending: string; pendingLine: number },
): TableRowInput[] {
  const n = columns.length;
  const rows: TableRowInput[] = [];
  let current: { text: string; line: number }[] = [];
  const emit = (cells: readonly (string | null)[], line: number, known: boolean, atEnd: boolean): void => {
    if (cells.every((c) => c === null || matchColumnHeader(c) !== undefined)) return; // a repeated header
    if (cells.length > n) {
      findings.push(
        finding(
          'row_too_long',
          'warning',
          `此行有${cells.length}个单元格,表头只有${n}列,此行未读入`,
          `The row has ${cells.length} cells for ${n} columns; it was skipped`,
          { line },
        ),
      );
      return;
    }
    const group = groupColumn(cells, columns);
    if (group !== undefined) {
      const values: Partial<Record<TableColumnKey, string | null>> = {};
      for (const key of columns) if (key !== undefined) values[key] = null;
      values[columns[group] as TableColumnKey] = cells.find((c) => c !== null) ?? null;
      rows.push({ values, location: { line } });
      return;
    }
    const placement =
      known && cells.length === n ? cells.map((_, i) => i) : place(cells, columns, score, rows.length === 0);
    const deadlineCol = columns.indexOf('deadline');
    const requiredEnd = deadlineCol >= 0 ? deadlineCol : n - 1;
    if (atEnd && (placement.at(-1) ?? -1) < requiredEnd) {
      findings.push(
        finding(
          'truncated_table',
          'error',
          `表格在第${line}行附近中断,最后一行不完整,未读入`,
          `The table is cut off near line ${line}: its last row is incomplete and was not read`,
          { line },
        ),
      );
      return;
    }
    const values: Partial<Record<TableColumnKey, string | null>> = {};
    for (const key of columns) if (key !== undefined) values[key] = null;
    placement.forEach((col, i) => {
      const key = columns[col];
      if (key !== undefined) values[key] = cells[i] ?? null;
    });
    rows.push({ values, location: { line } });
  };
  const flush = (line: number, atEnd = false) => {
    if (current.length > 0)
      emit(
        current.map((c) => c.text),
        current[0]?.line ?? line,
        false,
        atEnd,
      );
    current = [];
  };
  // Cells with no row marks at all (a page's table copied one cell per paragraph): where a row ends
  // is decided by the cells — one more cell joins the row when the row reads better with it than
  // the two apart, and a numbered item right after the row's own (1. then 2.) starts the next row.
  const unmarked = events.length > n && events.every((e) => e.type === 'cell');
  const startsRow = (text: string): boolean => {
    if (!unmarked || current.length === 0) return false;
    const number = /^(\d{1,3})\s*[.、](?!\d)/u.exec(text)?.[1];
    const follows = current.some(
      (c) => /^(\d{1,3})\s*[.、](?!\d)/u.exec(c.text)?.[1] === String(Number(number) - 1),
    );
    if (number !== undefined && follows) return true;
    const first = rows.length === 0;
    const texts = current.map((c) => c.text);
    const joined = placeScored([...texts, text], columns, score, first).score;
    const apart =
      placeScored(texts, columns, score, first).score + placeScored([text], columns, score, false).score;
    return joined < apart;
  };
  for (const ev of events) {
    if (ev.type === 'cell') {
      if (startsRow(ev.text)) flush(ev.line);
      current.push({ text: ev.text, line: ev.line });
      if (current.length === n) {
        emit(
          current.map((c) => c.text),
          current[0]?.line ?? ev.line,
          true,
          false,
        );
        current = [];
      }
    } else if (ev.type === 'end') flush(ev.line);
    else {
      flush(ev.line);
      if (ev.framed && ev.framed.length === n) emit(ev.framed, ev.line, true, false);
      else emit(ev.cells, ev.line, ev.missing === 0, false);
    }
  }
  if (open.pending !== '') {
    findings.push(
      finding(
        'truncated_table',
        'error',
        `表格在第${open.pendingLine}行中断(单元格没有结束),未读入最后一行`,
        `The table is cut off at line ${open.pendingLine} inside a cell; the last row was not read`,
        at({ line: open.pendingLine, text: open.pending.slice(0, 40) }),
      ),
    );
  } else flush(0, true);
  return rows;
}

/**
 * Cells with no row marks whose numbers 1, 2, 3 … stand alone in cells the header does not name (its
 * 具体要求 spanning the 序号 and the text, 池州): a 序号 column is put before the items' text.
 */
function withSerialColumn(
  columns: (TableColumnKey | undefined)[],
  events: readonly Event[],
): (TableColumnKey | undefined)[] {
  if (columns.includes('serial') || !columns.includes('content')) return columns;
  if (!events.every((e) => e.type === 'cell')) return columns;
  const numbers = events.flatMap((e) =>
    e.type === 'cell' && /^\d{1,3}$/u.test(e.text) ? [Number(e.text)] : [],
  );
  if (numbers.length < 2 || numbers[0] !== 1 || numbers.some((v, i) => i > 0 && v <= (numbers[i - 1] ?? 0)))
    return columns;
  const at = columns.indexOf('content');
  return [...columns.slice(0, at), 'serial', ...columns.slice(at)];
}

/**
 * A header with fewer columns than a group's first row has cells: the merged category (and task)
 * cells have no header of their own. They are put in front as 类别 (and 重点任务) columns.
 */
function withGroupColumns(
  columns: readonly (TableColumnKey | undefined)[],
  events: readonly Event[],
): (TableColumnKey | undefined)[] {
  const widest = Math.max(0, ...events.map((e) => (e.type === 'row' && !e.framed ? e.cells.length : 0)));
  const extra = Math.min(2, widest - columns.length);
  if (extra <= 0) return [...columns];
  const front = (['category', 'keyTask'] as const).filter((k) => !columns.includes(k)).slice(0, extra);
  return [...front, ...columns];
}

/** A row that is a section heading alone (一、基础工作, (二)…): the 类别 column, else the 重点任务 one. */
function groupColumn(
  cells: readonly (string | null)[],
  columns: readonly (TableColumnKey | undefined)[],
): number | undefined {
  const texts = cells.filter((c): c is string => c !== null);
  const only = texts[0];
  if (texts.length !== 1 || only === undefined || only.length > 40 || only.includes('。')) return undefined;
  if (
    !/^\s*(?:[一二三四五六七八九十]{1,3}\s*、|[(（][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]{1,3}部分)/u.test(
      only,
    )
  )
    return undefined;
  const at = columns.indexOf('category');
  return at >= 0 ? at : columns.indexOf('keyTask') >= 0 ? columns.indexOf('keyTask') : undefined;
}

/**
 * Widens a header that has fewer names than the table has columns: a 重点任务 header over both the
 * key task and its items (the seed's annex) becomes two columns; so does a 工作任务 header.
 */
function widen(
  header: readonly (TableColumnKey | undefined)[],
  width: number,
): (TableColumnKey | undefined)[] {
  const cols = [...header];
  // Two task-text columns (工作任务 | 具体内容): the first names the task, the second its content;
  // three (工作要求 | 工作任务 | 具体要求): the category, the task and the content.
  const texts = cols.flatMap((k, i) => (k === 'content' ? [i] : []));
  const task = texts.at(-2);
  if (task !== undefined && !cols.includes('keyTask')) {
    cols[task] = 'keyTask';
    const category = texts.at(-3);
    if (category !== undefined && !cols.includes('category')) cols[category] = 'category';
  }
  // A header cell spanning two columns (重点任务 over the task and its items), written once.
  for (let i = 1; i < cols.length; i++) {
    if (cols[i] !== undefined) continue;
    if (cols[i - 1] === 'keyTask' && !cols.includes('content')) cols[i] = 'content';
    else if (cols[i + 1] === 'content' && !cols.includes('keyTask')) cols[i] = 'keyTask';
  }
  // One task-text column only, named like a key task (贯彻举措, 事项): it is the items' text.
  if (!cols.includes('content') && cols.includes('keyTask') && width <= cols.length)
    cols[cols.indexOf('keyTask')] = 'content';
  if (width <= cols.length) return cols;
  if (cols.includes('keyTask') && !cols.includes('content'))
    cols.splice(cols.indexOf('keyTask') + 1, 0, 'content');
  else if (cols.includes('content') && !cols.includes('keyTask'))
    cols.splice(cols.indexOf('content'), 0, 'keyTask');
  // Both named: the wider rows carry a merged category cell in front, which has no header.
  else if (!cols.includes('category') && cols.includes('keyTask')) cols.unshift('category');
  while (cols.length < width) cols.push(undefined);
  return cols;
}

/** Chooses the columns of a row's cells (in order) that fit best, the others being merged away. */
function place(
  cells: readonly (string | null)[],
  columns: readonly (TableColumnKey | undefined)[],
  score: (text: string | null, key: TableColumnKey | undefined) => number,
  firstRow: boolean,
): number[] {
  return placeScored(cells, columns, score, firstRow).placement;
}

/** {@link place}, with the score of the placement chosen (−∞ when the cells cannot be placed). */
function placeScored(
  cells: readonly (string | null)[],
  columns: readonly (TableColumnKey | undefined)[],
  score: (text: string | null, key: TableColumnKey | undefined) => number,
  firstRow: boolean,
): { placement: number[]; score: number } {
  const n = columns.length;
  const k = cells.length;
  let best: number[] = cells.map((_, i) => i);
  let bestScore = Number.NEGATIVE_INFINITY;
  const chosen: number[] = [];
  const walk = (col: number, cell: number, acc: number): void => {
    if (cell === k) {
      let total = acc;
      for (let c = col; c < n; c++) total -= missingCost(columns[c], firstRow);
      // A new category starts a new key task: a category cell over a merged key task is unlikely.
      const cat = columns.indexOf('category');
      const task = columns.indexOf('keyTask');
      if (cat >= 0 && task >= 0 && chosen.includes(cat) && !chosen.includes(task)) total -= 3;
      if (total > bestScore) {
        bestScore = total;
        best = [...chosen];
      }
      return;
    }
    if (n - col < k - cell) return;
    chosen.push(col);
    walk(col + 1, cell + 1, acc + score(cells[cell] ?? null, columns[col]));
    chosen.pop();
    walk(col + 1, cell, acc - missingCost(columns[col], firstRow));
  };
  walk(0, 0, 0);
  return { placement: best, score: bestScore };
}
