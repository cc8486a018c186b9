/**
 * Prints the SQL of a new migration: Prisma's own DDL between two versions of schema.prisma, computed with
 * the WebAssembly schema engine (the CLI's engine cannot be downloaded here).
 *
 *   npm run --silent db:migration-sql -- --from <old schema.prisma | empty> [--to prisma/schema.prisma]
 *   git show HEAD:prisma/schema.prisma > /tmp/old.prisma && npm run --silent db:migration-sql -- --from /tmp/old.prisma
 *
 * The engine needs a PostgreSQL server to start (it reads the version; nothing is written): DATABASE_URL
 * or the embedded one.
 */
import { parseArgs } from "node:util";
import { provideDatabase } from "../../lib/db/database";
import { diffSql, schemaTarget } from "../../lib/db/schema-diff";
import { reportFailures } from "../lib/cli";

reportFailures("npm run db:migration-sql");

const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string", default: "prisma/schema.prisma" } } });
if (!values.from) {
  console.error("usage: migration-sql --from <old schema.prisma | empty> [--to prisma/schema.prisma]");
  process.exit(2);
}
const db = await provideDatabase();
try {
  const from = values.from === "empty" ? ({ tag: "empty" } as const) : schemaTarget(values.from);
  process.stdout.write(await diffSql(db.url, from, schemaTarget(values.to!)));
} finally {
  await db.stop();
}
