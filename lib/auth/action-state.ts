/** What a server action of the accounts pages answers, and how an expected failure becomes a message. */
import { ZodError } from "zod";
import { AppError, zodMessage } from "@/lib/errors/app-error";

export type ActionState = {
  status: "idle" | "ok" | "error";
  message?: string;
  /** A password or token shown once, right after it was made. */
  secret?: string;
};

export const IDLE: ActionState = { status: "idle" };

/** Turns what the user can fix into a message; anything else is a bug and is thrown on. */
export function failure(error: unknown): ActionState {
  if (error instanceof AppError) return { status: "error", message: error.message };
  if (error instanceof ZodError) return { status: "error", message: zodMessage(error) };
  throw error;
}
