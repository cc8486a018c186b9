/**
 * Prisma's own DDL for a schema change, computed by the schema engine compiled to WebAssembly, so no
 * engine binary and no database are needed. Used to write migrations and by the drift test.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

type Target = { tag: "empty" } | { tag: "schemaDatamodel"; files: { path: string; content: string }[] };

export function schemaTarget(path: string, content = readFileSync(path, "utf8")): Target {
  return { tag: "schemaDatamodel", files: [{ path, content }] };
}

export async function diffSql(databaseUrl: string, from: Target, to: Target): Promise<string> {
  const SchemaEngine = await loadEngine();
  // The engine connects at start-up (it reads the server version) even when both targets are schemas,
  // so it is handed a real server; it writes nothing there for schema-to-schema diffs.
  const engine = await SchemaEngine.new(
    { datamodels: undefined },
    () => {},
    bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: databaseUrl })),
  );
  try {
    const result = await engine.diff({
      from,
      to,
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.stdout ?? "";
  } finally {
    engine.free();
  }
}

let engineClass: Promise<typeof import("@prisma/schema-engine-wasm").SchemaEngine> | undefined;

/**
 * The package's entry imports the .wasm file as an ES module, which Node 20 cannot; instantiate it by
 * hand, once per process (the glue module holds a single instance).
 */
function loadEngine() {
  engineClass ??= instantiateEngine();
  return engineClass;
}

async function instantiateEngine() {
  const require = createRequire(import.meta.url);
  const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bg = await import(bgPath);
  const { instance } = await WebAssembly.instantiate(readFileSync(join(dirname(bgPath), "schema_engine_bg.wasm")), {
    "./schema_engine_bg.js": bg,
  });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  return bg.SchemaEngine as typeof import("@prisma/schema-engine-wasm").SchemaEngine;
}
