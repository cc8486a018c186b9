/**
 * Every command line tool ends with one readable line when something fails, whatever was thrown: a
 * top-level `await` that rejects with `undefined` otherwise prints only "triggerUncaughtException ...
 * undefined".
 */
import { describeThrown } from "../../lib/errors/describe";

export function reportFailures(command: string): void {
  const fail = (error: unknown) => {
    console.error(`${command} failed: ${describeThrown(error)}`);
    // Read raw, not through lib/env.ts: the configuration itself may be what failed.
    if (error instanceof Error && error.stack && process.env.VIGIE_DEBUG) console.error(error.stack);
    process.exit(1);
  };
  process.on("uncaughtException", fail);
  process.on("unhandledRejection", fail);
}
