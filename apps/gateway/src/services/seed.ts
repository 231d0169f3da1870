import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The published text of the seed plan (七星府办通〔2020〕84号), shipped with the gateway in
 * `apps/gateway/seed/`: stored as the seed plan's `sourceText` when the seed loads.
 */
export const SEED_SOURCE_FILE = fileURLToPath(
  new URL('../../seed/qixingguan-2020-disclosure-plan.txt', import.meta.url),
);

export function readSeedSourceText(): string {
  return readFileSync(SEED_SOURCE_FILE, 'utf8');
}
