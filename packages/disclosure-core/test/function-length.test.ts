import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * No function of the core is longer than {@link LIMIT} lines: a long function is split along its
 * phases into named helpers (private ones in a `_lib/` folder). Every function, method, accessor,
 * constructor, function expression and arrow function under `src/` counts, from its first line
 * to its last (test files excepted).
 */
const LIMIT = 120;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    // Tests are not the library: their `describe` blocks are tables of cases, long by nature.
    return name.endsWith('.ts') && !name.endsWith('.d.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

function nameOf(node: ts.Node, source: ts.SourceFile): string {
  const named = node as ts.Node & { name?: ts.Node };
  if (named.name) return named.name.getText(source);
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  // An anonymous function takes the name of what it is assigned to, or of the call it is passed to.
  const parent = node.parent;
  if (
    ts.isVariableDeclaration(parent) ||
    ts.isPropertyAssignment(parent) ||
    ts.isPropertyDeclaration(parent)
  ) {
    return parent.name.getText(source);
  }
  if (ts.isCallExpression(parent)) return `(callback of ${parent.expression.getText(source).slice(0, 40)})`;
  return '(anonymous)';
}

interface LongFunction {
  readonly key: string;
  readonly lines: number;
}

function longFunctions(file: string): LongFunction[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: LongFunction[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).body !== undefined) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = last - first + 1;
      if (lines > LIMIT) {
        found.push({ key: `${relative(root, file).split('\\').join('/')} › ${nameOf(node, source)}`, lines });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('function length', () => {
  const all = tsFiles(join(root, 'src')).flatMap(longFunctions);

  it(`has no function over ${LIMIT} lines in src/`, () => {
    expect(all.map((f) => `${f.key}: ${f.lines}`)).toEqual([]);
  });

  it('measures: a 121-line function is found, a 120-line one is not', () => {
    const body = (n: number) => `function f() {\n${'  x();\n'.repeat(n - 2)}}\n`;
    const count = (text: string) => {
      const source = ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest, true);
      const fn = source.statements[0] as ts.FunctionDeclaration;
      const first = source.getLineAndCharacterOfPosition(fn.getStart(source)).line;
      return source.getLineAndCharacterOfPosition(fn.getEnd()).line - first + 1;
    };
    expect(count(body(LIMIT))).toBe(LIMIT);
    expect(count(body(LIMIT + 1))).toBe(LIMIT + 1);
  });
});
