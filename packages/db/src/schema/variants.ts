import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Engine } from './engine';

/** Absolute path of the package root (packages/db). */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The canonical schema, written once for both engines. */
export const CANONICAL_SCHEMA_PATH = path.join(PACKAGE_ROOT, 'prisma', 'schema.prisma');

/** Where each engine's rendered schema is written for `prisma generate` (gitignored). */
export function variantSchemaPath(engine: Engine): string {
  return path.join(PACKAGE_ROOT, 'prisma', 'variants', `${engine}.prisma`);
}

/** Where each engine's Prisma client is generated (gitignored). */
export function clientOutputDir(engine: Engine): string {
  return path.join(PACKAGE_ROOT, 'src', 'generated', engine);
}

/** The committed migrations of one engine. */
export function migrationsDir(engine: Engine): string {
  return path.join(PACKAGE_ROOT, 'prisma', 'migrations', engine);
}

const DATASOURCE_BLOCK = /datasource\s+db\s*\{[^}]*\}/;
const GENERATOR_BLOCK = /generator\s+client\s*\{[^}]*\}/;

/**
 * Renders the canonical schema for one engine. Only two things differ between the variants: the
 * datasource `provider` and the client generator's `output` (one client per engine, because a Prisma 7
 * client refuses a driver adapter of another provider and compiles its queries per provider).
 */
export function renderSchemaVariant(canonical: string, engine: Engine): string {
  const datasource = canonical.match(DATASOURCE_BLOCK);
  const generator = canonical.match(GENERATOR_BLOCK);
  if (!datasource || !generator) {
    throw new Error('schema.prisma must have a `datasource db { … }` and a `generator client { … }` block');
  }
  if (!/provider\s*=\s*"[^"]*"/.test(datasource[0]) || !/output\s*=\s*"[^"]*"/.test(generator[0])) {
    throw new Error('schema.prisma: the datasource needs a provider and the client generator an output');
  }
  const output = path
    .relative(path.dirname(variantSchemaPath(engine)), clientOutputDir(engine))
    .split(path.sep)
    .join('/');
  return canonical
    .replace(DATASOURCE_BLOCK, (block) => block.replace(/provider\s*=\s*"[^"]*"/, `provider = "${engine}"`))
    .replace(GENERATOR_BLOCK, (block) => block.replace(/output\s*=\s*"[^"]*"/, `output   = "${output}"`));
}

/** Reads the canonical schema and renders it for one engine. */
export function readSchemaVariant(engine: Engine): string {
  return renderSchemaVariant(readFileSync(CANONICAL_SCHEMA_PATH, 'utf8'), engine);
}
