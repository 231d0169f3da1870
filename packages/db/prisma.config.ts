import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';

const here = path.dirname(fileURLToPath(import.meta.url));

// Prisma 7's CLI wants a native schema engine for every command and would try to download one, which
// cannot succeed offline. `generate`, `validate` and `format` only check that the file exists, so point
// it at a stub that fails loudly if anything really calls it (see ../../../shared/TOOLCHAIN.md).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(here, 'prisma', 'schema-engine-stub');
// Nothing here may phone home either.
process.env.CHECKPOINT_DISABLE ??= '1';
process.env.PRISMA_HIDE_UPDATE_MESSAGE ??= '1';

export default defineConfig({
  // The canonical schema. `scripts/generate.mjs` passes `--schema` with each engine's variant.
  schema: path.join(here, 'prisma', 'schema.prisma'),
});
