/** The first-start admin lives with the rest of the accounts code; `npm start` imports it from here. */
export { ensureFirstAdmin } from "../lib/auth/first-admin";
