/**
 * Runs once when the Next.js server starts. Validating the environment here makes a production server
 * refuse to start with a missing or weak secret, however it is launched (`npm start`, `next start`, a
 * container), instead of failing later on the first sign-in.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./lib/startup-check");
}
