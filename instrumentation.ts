/**
 * Runs once when the Next.js server starts. Validating the environment here makes a production server
 * refuse to start with a missing or weak secret, however it is launched (`npm start`, `next start`, a
 * container), instead of failing later on the first sign-in.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { readEnv } = await import("./lib/env");
  try {
    readEnv();
  } catch (error) {
    console.error(`Vigie cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
}
