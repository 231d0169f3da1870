/**
 * Splits a SQL script into statements on top-level semicolons, keeping quoted strings, quoted
 * identifiers, comments, PostgreSQL dollar-quoted bodies and SQLite trigger bodies (BEGIN … END)
 * intact. Empty statements and comment-only statements are dropped.
 *
 * @example splitSqlStatements('CREATE TABLE a (x TEXT); -- c\nCREATE INDEX i ON a (x);')
 * // ['CREATE TABLE a (x TEXT)', '-- c\nCREATE INDEX i ON a (x)']
 */
export function splitSqlStatements(script: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  let blockDepth = 0;
  const n = script.length;
  const push = (end: number) => {
    const text = script.slice(start, end).trim();
    if (stripComments(text).trim().length > 0) statements.push(text);
  };
  while (i < n) {
    const c = script[i];
    const next = script[i + 1];
    if (c === '-' && next === '-') {
      const end = script.indexOf('\n', i);
      i = end === -1 ? n : end + 1;
    } else if (c === '/' && next === '*') {
      const end = script.indexOf('*/', i + 2);
      i = end === -1 ? n : end + 2;
    } else if (c === "'" || c === '"' || c === '`') {
      i = skipQuoted(script, i, c);
    } else if (c === '[') {
      const end = script.indexOf(']', i);
      i = end === -1 ? n : end + 1;
    } else if (c === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(script.slice(i));
      if (tag) {
        const end = script.indexOf(tag[0], i + tag[0].length);
        i = end === -1 ? n : end + tag[0].length;
      } else {
        i++;
      }
    } else if (c === ';') {
      if (blockDepth === 0) {
        push(i);
        start = i + 1;
      }
      i++;
    } else if (/[A-Za-z_]/.test(c ?? '')) {
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(script.slice(i))?.[0] ?? '';
      const upper = word.toUpperCase();
      // Only a trigger body nests statements in SQLite; CASE … END nests expressions inside it.
      if (upper === 'BEGIN' && /\bTRIGGER\b/i.test(script.slice(start, i))) blockDepth++;
      else if (upper === 'CASE' && blockDepth > 0) blockDepth++;
      else if (upper === 'END' && blockDepth > 0) blockDepth--;
      i += word.length;
    } else {
      i++;
    }
  }
  push(n);
  return statements;
}

function skipQuoted(script: string, from: number, quote: string): number {
  let i = from + 1;
  while (i < script.length) {
    if (script[i] === quote) {
      if (script[i + 1] === quote) i += 2;
      else return i + 1;
    } else {
      i++;
    }
  }
  return script.length;
}

function stripComments(sql: string): string {
  return sql.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');
}
