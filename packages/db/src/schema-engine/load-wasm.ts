import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as SchemaEngineModule from '@prisma/schema-engine-wasm';

export type SchemaEngineWasm = typeof SchemaEngineModule;

// The ES2023 lib and @types/node 20 do not declare WebAssembly; this is the part used here.
type WasmExports = Record<string, unknown>;
declare const WebAssembly: {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, Record<string, unknown>>,
  ): Promise<{ instance: { exports: WasmExports } }>;
};

let loaded: Promise<SchemaEngineWasm> | undefined;

/**
 * Loads @prisma/schema-engine-wasm. Its entry point does `import * as wasm from "./x.wasm"`, which
 * plain Node 20 cannot do (no WebAssembly ESM integration without a flag), so this instantiates the
 * bundled .wasm by hand and wires it to the generated bindings, exactly as the entry point would.
 */
export function loadSchemaEngineWasm(): Promise<SchemaEngineWasm> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const bindingsPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bindings = (await import(
      '@prisma/schema-engine-wasm/schema_engine_bg'
    )) as unknown as SchemaEngineWasm & {
      __wbg_set_wasm(exports: WasmExports): void;
    };
    const bytes = await readFile(path.join(path.dirname(bindingsPath), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, {
      './schema_engine_bg.js': bindings as unknown as Record<string, unknown>,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return loaded;
}
