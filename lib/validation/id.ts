/** Ids and versions are the database's int4: a larger number must be a 400 naming the field, not a 500 from the query. */
import { z } from "zod";

export const MAX_INT4 = 2_147_483_647;

/** A positive whole number that fits an int4 column; `message` is the field's 400 wording. */
export function int4Id(message = "must be a positive whole number") {
  return z.number({ message }).int(message).positive(message).max(MAX_INT4, message);
}
