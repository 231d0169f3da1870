import { isIsoDate } from '../../_lib/iso-date';
import type { SourceLocation } from '../../_lib/result';
import { parseDeadline } from '../../deadlines/parse-deadline';
import type { WorkItemInput } from '../../plan/types';
import type { UnitRegistry } from '../../units/create-unit-registry';
import { RULE_BRACKET, resolveUnitNames, TRAILING_NOISE } from '../../units/resolve-unit-names';
import type { UnitKind } from '../../units/unit';
import type { ImportFinding, UnitProposal } from '../types';
import { at, finding } from './finding';
import type { Abbreviation } from './same-below';
import { nfkc } from './text';

/** A unit list or deadline text and where it stood. @internal */
export interface Located {
  readonly text: string;
  readonly location: SourceLocation;
}

/**
 * A table row's work item as `createPlan` takes it, its unit lists and deadline noted (with where
 * they stood) for the checks.
 * @internal
 */
export function noteWorkItem(
  item: WorkItemInput,
  where: (column: 'lead' | 'responsible' | 'deadline') => SourceLocation,
  unitLists: Located[],
  deadlines: Located[],
): WorkItemInput {
  unitLists.push({ text: item.leadUnitsText, location: where('lead') });
  unitLists.push({ text: item.responsibleUnitsText, location: where('responsible') });
  deadlines.push({ text: item.deadlineText, location: where('deadline') });
  return {
    content: item.content,
    leadUnitsText: item.leadUnitsText,
    responsibleUnitsText: item.responsibleUnitsText,
    deadlineText: item.deadlineText,
  };
}

/**
 * Guesses the kind of a unit from its name. `level` is the document's own (区, 县, 市): in a
 * county-level city's plan (台山市) a 市… body is its own department, not an outside one.
 * @internal
 */
export function guessUnitKind(name: string, level = ''): UnitKind {
  const n = nfkc(name);
  if (level === '市' && /^市/u.test(n) && !/(?:街道|办事处|镇|乡)$/u.test(n)) {
    return /中心$|服务站$/u.test(n) ? 'directly_affiliated' : 'department';
  }
  if (/(?:街道|办事处)$/u.test(n)) return 'subdistrict';
  if (/镇(?:人民政府)?$/u.test(n)) return 'town';
  if (/乡(?:人民政府)?$/u.test(n)) return 'township';
  if (/^(?:省|市|州|国家)|供电|电网|铁路|海关|税务|气象|邮政|烟草/u.test(n)) return 'external';
  if (/学校|医院|公司|集团|银行|中学|小学|幼儿园|卫生院|保健院|疾控|水厂|燃气|公交|电视台/u.test(n))
    return 'public_institution';
  if (/中心$|服务站$/u.test(n)) return 'directly_affiliated';
  return 'department';
}

/**
 * One `unknown_unit` finding per name the registry does not know (its first place, and how often it
 * occurs), each proposing a registry entry. A name without a level prefix is proposed with the
 * document's (县林业局 for 林业局 in a county plan), the name as written kept as an alias.
 * @internal
 */
export function checkUnits(
  lists: readonly Located[],
  registry: UnitRegistry,
  level: string,
  abbreviations: readonly Abbreviation[] = [],
): ImportFinding[] {
  // A short name of an unknown full one (区交通运输委员会(区交通委,下同)) counts as the full name.
  const fullOf = new Map(abbreviations.filter((a) => a.unitId === undefined).map((a) => [a.short, a.full]));
  const shortsOf = new Map<string, string[]>();
  const seen = new Map<string, { text: string; location: SourceLocation; count: number }>();
  const memo = new Map<string, ReturnType<typeof resolveUnitNames>['refs']>();
  for (const { text, location } of lists) {
    if (text.trim() === '') continue;
    let refs = memo.get(text);
    if (refs === undefined) {
      refs = resolveUnitNames(text, registry).refs;
      memo.set(text, refs);
    }
    for (const ref of refs) {
      if (ref.kind !== 'unknown') continue;
      const squashed = nfkc(ref.text).replace(/\s+/gu, '');
      const written = squashed.replace(TRAILING_NOISE, '').replace(RULE_BRACKET, '');
      const full = fullOf.get(written);
      if (full !== undefined) shortsOf.set(full, [...new Set([...(shortsOf.get(full) ?? []), written])]);
      const key = full ?? written;
      const entry = seen.get(key);
      const shown = full ?? (written === squashed ? ref.text : written);
      if (entry) entry.count += 1;
      else seen.set(key, { text: shown, location: at({ ...location, text: ref.text }), count: 1 });
    }
  }
  const findings: ImportFinding[] = [];
  const proposals = new Map<string, { aliases: string[]; finding: number }>();
  for (const { text, location, count } of seen.values()) {
    // 各街道, 其他有关单位 …: a group, which belongs among the registry's collective phrases.
    if (
      /^(?:各|其他|有关|相关)|^(?:区|县|市)直(?:各|有关|其他|相关)|(?:有关|相关)(?:部门|单位)$/u.test(text)
    ) {
      findings.push(
        finding(
          'unknown_unit',
          'warning',
          `单位名录中没有“${text}”(出现${count}次),建议作为集合称谓的别名加入名录`,
          `The unit registry has no "${text}" (${count} occurrence${count === 1 ? '' : 's'}); add it to the registry as a collective phrase`,
          location,
        ),
      );
      continue;
    }
    const kind = guessUnitKind(text, level);
    const prefixed =
      level !== '' &&
      !/^(?:区|县|市|省|旗|州)/u.test(text) &&
      (kind === 'department' || kind === 'directly_affiliated');
    const name = prefixed ? `${level}${text}` : text;
    const earlier = proposals.get(name);
    if (earlier) {
      // The same body written twice (县林业局 and, after a 县 name, 林业局): one proposal, with an alias.
      if (prefixed) earlier.aliases.push(text);
      const f = findings[earlier.finding];
      if (f?.proposal)
        findings[earlier.finding] = { ...f, proposal: { ...f.proposal, aliases: [...earlier.aliases] } };
      continue;
    }
    const aliases = [...(prefixed ? [text] : []), ...(shortsOf.get(text) ?? [])];
    proposals.set(name, { aliases, finding: findings.length });
    const proposal: UnitProposal = { id: `new-${proposals.size}`, name, kind, aliases };
    findings.push(
      finding(
        'unknown_unit',
        'warning',
        `单位名录中没有“${text}”(出现${count}次),建议新增:${name}(${kind})`,
        `The unit registry has no "${text}" (${count} occurrence${count === 1 ? '' : 's'}); proposed entry: ${name} (${kind})`,
        location,
        proposal,
      ),
    );
  }
  return findings;
}

/** An `unreadable_deadline` warning for each deadline text `parseDeadline` cannot read. @internal */
export function checkDeadlines(
  texts: readonly Located[],
  planYear: number,
  issuedOn: string,
): ImportFinding[] {
  if (!Number.isInteger(planYear) || planYear < 1990 || planYear > 2100 || !isIsoDate(issuedOn)) return [];
  const findings: ImportFinding[] = [];
  const memo = new Map<string, ReturnType<typeof parseDeadline>>();
  for (const { text, location } of texts) {
    if (text.trim() === '') continue;
    const result = memo.get(text) ?? parseDeadline(text, { planYear, issuedOn });
    memo.set(text, result);
    if (!result.ok) {
      const first = result.issues[0];
      // 2022年底11月前 (a month after the end of a year): parseDeadline says GARBLED_DATE.
      if (first?.code === 'GARBLED_DATE') {
        findings.push(
          finding(
            'garbled_deadline',
            'warning',
            `完成时限“${text}”的写法有误(${first.location?.text ?? text}),年份请核对`,
            `The deadline "${text}" is garbled (${first.location?.text ?? text}); check its year`,
            at({ ...location, text }),
          ),
        );
        continue;
      }
      findings.push(
        finding(
          'unreadable_deadline',
          'warning',
          `完成时限“${text}”无法计算:${first?.message.zh ?? ''}`,
          `The deadline "${text}" cannot be computed: ${first?.message.en ?? ''}`,
          at({ ...location, text }),
        ),
      );
    }
  }
  return findings;
}
