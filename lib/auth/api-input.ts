/** Input schemas shared by the accounts' JSON endpoints and server actions. */
import { z } from "zod";
import { passwordSchema } from "./password";
import { roleSchema } from "./roles";
import { tokenOptionsSchema } from "./tokens";

export const userChangeSchema = z
  .strictObject({
    role: roleSchema.optional(),
    disabled: z.boolean().optional(),
    password: passwordSchema.optional(),
  })
  // One change per request, so a request is never half applied.
  .refine((change) => Object.values(change).filter((value) => value !== undefined).length === 1, "Give exactly one of role, disabled, password");

export const tokenInputSchema = tokenOptionsSchema.extend({ name: z.string() });
