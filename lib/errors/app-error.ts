/**
 * One error type for everything a client did wrong. Anything that is not an AppError is a bug: the one
 * mapper (lib/http/error-response.ts) turns it into a generic 500 that reveals nothing.
 *
 * An AppError made by keyedError (./keyed.ts) from a message key carries that key, and the mapper words it
 * in the caller's language; its `message` is the English wording, for logs, the command line and English
 * callers. Kept free of the message files: the filter contract, which the browser loads too, extends it.
 */
import type { ZodError } from "zod";
import type { Messages } from "../i18n/messages";

export type ErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "too_many_requests"
  | "unavailable";

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  unavailable: 503,
};

/** A message of the `apiErrors` namespace (the templates are matched against English text, not thrown). */
export type ErrorKey = Exclude<keyof Messages["apiErrors"], "templates">;
export type ErrorValues = Record<string, string | number>;
export type KeyedMessage = { key: ErrorKey; values?: ErrorValues };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** Sent as Retry-After (429 and 503 answers): when trying again makes sense. */
    readonly retryAfterSeconds?: number,
    /** Set when the message came from a key: the mapper words it again in the caller's language. */
    readonly keyed?: KeyedMessage,
  ) {
    super(message);
    this.name = "AppError";
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export function zodMessage(error: ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

// P2024 and P2028: no pooled connection (or transaction) free in time, i.e. the database is saturated.
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "57P01", "57P03"]);
const UNAVAILABLE_KINDS = /DatabaseNotReachable|ConnectionClosed|SocketTimeout|TooManyConnections|Connection terminated|not queryable|connect ECONNREFUSED|the database system is (starting up|shutting down)|terminating connection/i;

/**
 * True when the error says the database cannot be reached right now (down, restarting, pool exhausted):
 * the client should retry later, so it gets 503 rather than a 500 that suggests a bug.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const candidate = error as { code?: unknown; message?: unknown; cause?: unknown; kind?: unknown };
  if (typeof candidate.code === "string" && UNAVAILABLE_CODES.has(candidate.code)) return true;
  if (typeof candidate.kind === "string" && UNAVAILABLE_KINDS.test(candidate.kind)) return true;
  if (typeof candidate.message === "string" && UNAVAILABLE_KINDS.test(candidate.message)) return true;
  return isDatabaseUnavailable(candidate.cause, depth + 1);
}
