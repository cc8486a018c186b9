import type { Role } from "./roles";

export type { Role } from "./roles";

/** The signed-in user as every page, route handler and server action sees it (always read from the database). */
export type SessionUser = {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  /** The interface language the user chose: pages and the API's error messages speak it. */
  locale?: string | null;
};

/** Who made a change and from where, for the audit trail. A null actor is the command line. */
export type ChangeContext = { actor?: SessionUser | null; ip?: string | null };
