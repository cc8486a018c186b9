/** Input schemas shared by the accounts' JSON endpoints and server actions. */
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { passwordSchema } from "./password";
import { roleSchema } from "./roles";
import { tokenOptionsSchema } from "./tokens";

/** A positive integer id from a URL segment, or a 404: "/api/tokens/abc" names nothing. */
export function parseId(value: string, what: string): number {
  const id = Number(value);
  if (!/^\d{1,10}$/.test(value) || !Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) throw new AppError("not_found", `${what} ${value} does not exist`);
  return id;
}

export const userChangeSchema = z
  .strictObject({
    role: roleSchema.optional(),
    disabled: z.boolean().optional(),
    password: passwordSchema.optional(),
  })
  // One change per request, so a request is never half applied.
  .refine((change) => Object.values(change).filter((value) => value !== undefined).length === 1, "Give exactly one of role, disabled, password");

export const tokenInputSchema = tokenOptionsSchema.extend({ name: z.string() });
