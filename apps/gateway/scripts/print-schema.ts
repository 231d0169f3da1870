// `pnpm --filter @qxg/gateway generate:schema`: writes schema.graphql from the code (checked in; a test
// fails when they differ), formatted by Biome like every other file.
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { printSchemaFile } from '../src/print-schema';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = path.join(root, 'schema.graphql');
writeFileSync(file, printSchemaFile());
const biome = path.join(root, '..', '..', 'node_modules', '.bin', 'biome');
if (existsSync(biome)) execFileSync(biome, ['format', '--write', file], { stdio: 'ignore' });
console.log(`wrote ${path.relative(process.cwd(), file)}`);
