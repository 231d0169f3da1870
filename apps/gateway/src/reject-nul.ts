import { createGraphQLError, type Plugin } from 'graphql-yoga';

/** The path of the first string holding U+0000 in a request's variables, or null. */
export function findNul(value: unknown, path: readonly (string | number)[] = []): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || '(value)' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], [...path, i]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const found = findNul(v, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}

/**
 * Refuses a request whose document or variables contain the NUL character (U+0000) before anything
 * runs: PostgreSQL cannot store it in text, and no 政务公开 text needs it. The answer is a 400 with a
 * bilingual error naming where the character was found, on both engines alike.
 */
export function useRejectNul(): Plugin {
  return {
    onParams({ params }) {
      const where = params.query?.includes('\u0000')
        ? 'query'
        : findNul(params.variables ?? null, ['variables']);
      if (where === null) return;
      throw createGraphQLError(
        `文本中不能含有 NUL 字符(U+0000),位置:${where}。Text must not contain the NUL character (U+0000), found at ${where}.`,
        { extensions: { code: 'NUL_CHARACTER', field: where, http: { status: 400 } } },
      );
    },
  };
}
