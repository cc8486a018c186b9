"use server";

import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { failure } from "@/lib/errors/action-failure";
import type { ActionState } from "@/lib/errors/action-state";
import { parseId } from "@/lib/http/params";
import { ACTION_ROLES } from "@/lib/auth/access";
import { actionIp, requirePageUser } from "@/lib/auth/guard";
import { createApiToken, revokeApiToken } from "@/lib/auth/tokens";

export async function createTokenAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const user = await requirePageUser(ACTION_ROLES.createTokenAction);
  try {
    const days = String(form.get("expiresInDays") ?? "").trim();
    const options = { scope: String(form.get("scope") || "read-write") as never, expiresInDays: days ? Number(days) : null };
    const created = await createApiToken(user.id, String(form.get("name") ?? ""), { ip: await actionIp() }, options);
    revalidatePath("/settings/tokens");
    return { status: "ok", message: (await getTranslations("accountActions"))("tokenCreated"), secret: created.token };
  } catch (error) {
    return failure(error);
  }
}

export async function revokeTokenAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const user = await requirePageUser(ACTION_ROLES.revokeTokenAction);
  try {
    await revokeApiToken(user, parseId(String(form.get("tokenId") ?? ""), { notFound: "token" }), { ip: await actionIp() });
    revalidatePath("/settings/tokens");
    return { status: "ok", message: (await getTranslations("accountActions"))("tokenRevoked") };
  } catch (error) {
    return failure(error);
  }
}
