/**
 * Stops a server process on a bad configuration, with one line naming each bad variable. Imported for its
 * effect by instrumentation.ts (Node.js runtime only) and by the production server's supervisor.
 */
import { requireServerEnv, type Env } from "./env";

export function envOrExit(): Env {
  try {
    return requireServerEnv();
  } catch (error) {
    console.error(`Vigie cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
}

envOrExit();
