// `pnpm --filter @qxg/db generate`: renders the canonical schema for each engine and runs
// `prisma generate` on each variant, offline (prisma.config.ts points the CLI at a stub engine).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ENGINES } from '../src/schema/engine';
import { PACKAGE_ROOT, readSchemaVariant, variantSchemaPath } from '../src/schema/variants';

const prismaBin = path.join(PACKAGE_ROOT, 'node_modules', '.bin', 'prisma');

for (const engine of ENGINES) {
  const schemaPath = variantSchemaPath(engine);
  mkdirSync(path.dirname(schemaPath), { recursive: true });
  writeFileSync(
    schemaPath,
    `// GENERATED from ../schema.prisma by scripts/generate.ts for ${engine}: do not edit.\n${readSchemaVariant(engine)}`,
  );
  execFileSync(prismaBin, ['generate', '--schema', schemaPath, '--config', 'prisma.config.ts'], {
    cwd: PACKAGE_ROOT,
    stdio: 'inherit',
  });
}
