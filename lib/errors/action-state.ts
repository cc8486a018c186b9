/** What every server action answers; the client forms read it. Pure, so client components can import it. */

export type ActionState = {
  status: "idle" | "ok" | "error";
  message?: string;
  /** A password or token shown once, right after it was made. */
  secret?: string;
  /** Someone saved the record in between: the form offers to reload it. */
  conflict?: boolean;
};

export const IDLE: ActionState = { status: "idle" };
