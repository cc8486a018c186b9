/** Route segments: the one id parser of the route handlers and server actions. */
import { keyedError } from "@/lib/errors/keyed";
import { MAX_INT4 } from "@/lib/validation/id";

export type IdOptions = {
  /** The segment's name in the 400 ("mergeId: must be a positive whole number"); `id` by default. */
  parameter?: string;
  /**
   * The accounts' and watches' endpoints answer a malformed id as a missing resource (404 "Token abc does
   * not exist"), since the URL names nothing; the others answer 400 naming the segment.
   */
  notFound?: "incident" | "token" | "user" | "watch";
};

/** A positive 32-bit integer id (the database's int4), never a NaN or an overflow reaching a query. */
export function parseId(value: string, options: IdOptions = {}): number {
  const id = Number(value);
  if (/^\d{1,10}$/.test(value) && id >= 1 && id <= MAX_INT4) return id;
  if (options.notFound) throw keyedError("not_found", "idNotFound", { what: options.notFound, id: value });
  throw keyedError("bad_request", "invalidId", { parameter: options.parameter ?? "id" });
}

type Segments = Record<string, string | string[] | undefined>;

/** The route's id segment(s), parsed, for apiRoute's `params`: `idParams()` gives `{ id }`, `idParams({ parameter: "mergeId" })` `{ mergeId }`. */
export function idParams<Name extends string = "id">(options: IdOptions & { parameter?: Name } = {}): (segments: Segments) => Record<Name, number> {
  const name = (options.parameter ?? "id") as Name;
  return (segments) => {
    const raw = segments[name];
    return { [name]: parseId(typeof raw === "string" ? raw : "", options) } as Record<Name, number>;
  };
}
