/** Imported by instrumentation.ts in the Node.js runtime only: stops the server on a bad environment. */
import { readEnv } from "./env";

try {
  readEnv();
} catch (error) {
  console.error(`Vigie cannot start: ${(error as Error).message}`);
  process.exit(1);
}
