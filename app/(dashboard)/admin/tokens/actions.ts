"use server";

import { revalidatePath } from "next/cache";
import { failure } from "@/lib/errors/action-failure";
import type { ActionState } from "@/lib/errors/action-state";
import { parseId } from "@/lib/http/params";
import { ACTION_ROLES } from "@/lib/auth/access";
import { actionIp, requirePageUser } from "@/lib/auth/guard";
import { revokeApiToken } from "@/lib/auth/tokens";

/** An admin revokes any user's token (e.g. one that leaked while its owner is away). */
export async function revokeAnyTokenAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const admin = await requirePageUser(ACTION_ROLES.revokeAnyTokenAction);
  try {
    await revokeApiToken(admin, parseId(String(form.get("tokenId") ?? ""), { notFound: "token" }), { ip: await actionIp(), anyOwner: true });
    revalidatePath("/admin/tokens");
    return { status: "ok", message: "Token revoked." };
  } catch (error) {
    return failure(error);
  }
}
