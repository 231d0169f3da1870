import type { UnitRegistry } from '../../units/create-unit-registry';
import type { TableColumnKey } from '../table-columns';
import { nfkc } from './text';

/** Endings of names of government bodies and public institutions. @internal */
export const UNIT_SUFFIX =
  /(?:局|办|办公室|中心|政府|街道|办事处|乡|镇|委员会|委|院|部门|机构|单位|公司|分局|所|站|队|会|室|处|科|股|馆|厅|部|社|行|集团|学校|医院|大队|支队|分公司)$/u;

/**
 * The verb a clause of a unit cell ends with: 牵头 (lead), or 配合 / 落实 / 参照落实 / 按职能分工落实 …
 * (responsible). @internal
 */
export const ROLE_TAIL =
  /(?:(?:按(?:照)?(?:各自)?职(?:责|能)(?:分工)?)?(?:牵头(?:负责|办理|落实|实施)?|配合|参与|协助|协办|负责(?:落实|实施|办理|推进)?|参照落实|参照执行|落实|实施|办理))+$/u;

const DEADLINE_WORDS =
  /(?:\d{4}年|[0-9一二三四五六七八九十]{1,3}月|年底|年内|年末|季度|半年|长期|持续|立即|常态|每年|每季|每月|全年|之日起|工作日|前$|以前|完成$)/u;

/** A heading numbered 一、 or (一). */
const HEADING = /^\(?[一二三四五六七八九十]{1,3}[)、]/u;

/** Says how well a cell's text fits each kind of column, for flattened rows with cells missing. @internal */
export function createCellScorer(
  registry: UnitRegistry,
): (text: string | null, key: TableColumnKey | undefined) => number {
  const unitCache = new Map<string, boolean>();
  const names = new Set(registry.units.flatMap((u) => [u.name, ...u.aliases].map((n) => nfkc(n))));
  // A cheap test, run for every cell against every column: names ending like a body's name, or names
  // the registry knows, or collective phrases (各…, 其他…).
  const unitLike = (text: string): boolean => {
    const cached = unitCache.get(text);
    if (cached !== undefined) return cached;
    let result = false;
    const n = nfkc(text);
    if (n.length <= 300 && !n.includes('。')) {
      const tokens = n.split(/[、,;\s]+/u).filter((t) => t !== '');
      const known = tokens.filter((t) => {
        // 市财政局牵头, 市直有关部门配合, 各镇(街)参照落实: a name with its role.
        const name = t.replace(ROLE_TAIL, '').replace(/等(?:有关部门|单位|部门)?$/u, '') || t;
        return names.has(name) || UNIT_SUFFIX.test(name) || /^(?:各|其他|有关)/u.test(name);
      });
      result = tokens.length > 0 && known.length / tokens.length >= 0.6;
    }
    unitCache.set(text, result);
    return result;
  };
  const deadlineLike = (text: string) => text.length <= 40 && DEADLINE_WORDS.test(nfkc(text));
  return (text, key) => {
    if (key === undefined) return 0;
    if (text === null) {
      // An explicit empty cell: merged from above, never the work item's text.
      return key === 'content' ? -3 : 0;
    }
    const n = nfkc(text);
    const numbered = /^\d{1,3}\s*[.、](?!\d)/u.test(n);
    switch (key) {
      case 'serial':
        return /^\d{1,3}$/u.test(n) ? 3 : -4;
      case 'category':
        if (numbered) return -3;
        if (HEADING.test(n)) return 2;
        if (unitLike(text) || deadlineLike(text)) return -2;
        return n.length <= 30 && !n.includes('。') ? 0.5 : -1;
      case 'keyTask':
        if (numbered) return 3;
        if (HEADING.test(n)) return 2;
        if (unitLike(text) || deadlineLike(text)) return -2;
        return 0;
      case 'content':
        if (unitLike(text) || (deadlineLike(text) && n.length <= 20)) return -2.5;
        if (HEADING.test(n) && n.length <= 40) return -0.5;
        return (n.length >= 12 ? 1.5 : 0.3) - (numbered ? 0.5 : 0);
      case 'lead':
        return unitLike(text) ? 2 : -3;
      case 'responsible':
        return unitLike(text) ? (/各|其他|有关/u.test(n) ? 2.5 : 2) : -3;
      case 'deadline':
        return deadlineLike(text) ? 2.5 : -2;
      case 'note':
        return n.length < 20 ? 0 : -0.5;
      case 'status':
        return /完成|进行|逾期|未开始|推进中|滞后/u.test(n) ? 2 : -2;
      case 'dueOn':
        return /^\d{4}-\d{2}-\d{2}$/u.test(n) ? 3 : -3;
    }
  };
}

/** What it costs to say a column's cell is missing (merged from above) in a row. @internal */
export function missingCost(key: TableColumnKey | undefined, firstRow: boolean): number {
  const base: Record<TableColumnKey, number> = {
    serial: 1,
    category: 0.3,
    keyTask: 0.3,
    content: 6,
    lead: 2,
    responsible: 0.5,
    deadline: 1.5,
    note: 0.1,
    status: 0.1,
    dueOn: 0.1,
  };
  if (key === undefined) return 0.1;
  return base[key] + (firstRow && key !== 'note' ? 3 : 0);
}
