import { readFile } from 'node:fs/promises';
import {
  type CollectiveDefinition,
  checkUnitRegistry,
  createUnitRegistry,
  qixingguanUnits,
  type UnitInput,
  type UnitRegistry,
} from '@qxg/disclosure-core';

/**
 * The registry a command reads units against: a JSON file (`{ "units": [...], "collectives": [...] }`
 * or a bare array of units), or the bundled 七星关区 registry. Problems are returned as messages.
 */
export async function readRegistryFile(
  path: string | undefined,
): Promise<{ registry?: UnitRegistry; errors: string[] }> {
  if (path === undefined) return { registry: qixingguanUnits, errors: [] };
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (cause) {
    return { errors: [`无法读取单位名录 ${path}: ${(cause as Error).message}`] };
  }
  const units = (Array.isArray(json) ? json : (json as { units?: unknown }).units) as UnitInput[] | undefined;
  const collectives = Array.isArray(json)
    ? undefined
    : (json as { collectives?: CollectiveDefinition[] }).collectives;
  if (!Array.isArray(units)) return { errors: [`单位名录 ${path} 没有 units 数组 (no "units" array)`] };
  const issues = collectives ? checkUnitRegistry(units, collectives) : checkUnitRegistry(units);
  if (issues.length > 0) {
    return {
      errors: issues.map((i) => `${path}: ${i.location?.path ?? ''} ${i.message.zh} / ${i.message.en}`),
    };
  }
  return {
    registry: collectives ? createUnitRegistry(units, collectives) : createUnitRegistry(units),
    errors: [],
  };
}
