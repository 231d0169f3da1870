import type { LocalizedMessage } from '../../_lib/result';

// One English name per Chinese holiday name (see docs/glossary); combined names such as
// 国庆节、中秋节 are translated part by part.
const ENGLISH: Readonly<Record<string, string>> = {
  元旦: "New Year's Day",
  春节: 'Spring Festival',
  清明节: 'Qingming Festival',
  劳动节: 'Labour Day',
  端午节: 'Dragon Boat Festival',
  中秋节: 'Mid-Autumn Festival',
  国庆节: 'National Day',
};

/** The bilingual name of a holiday as a notice writes it. @internal */
export function holidayName(zh: string): LocalizedMessage {
  const en = zh
    .split('、')
    .map((part) => ENGLISH[part] ?? part)
    .join(' and ');
  return { zh, en };
}
