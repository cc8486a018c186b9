"use server";

import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { failure } from "@/lib/errors/action-failure";
import type { ActionState } from "@/lib/errors/action-state";
import { parseId } from "@/lib/http/params";
import { ACTION_ROLES } from "@/lib/auth/access";
import { actionIp, requirePageUser } from "@/lib/auth/guard";
import { generatePassword } from "@/lib/auth/password";
import { roleSchema } from "@/lib/auth/roles";
import { createUser, resetUserPassword, setUserDisabled, updateUserRole } from "@/lib/auth/users";

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

async function adminContext(action: keyof typeof ACTION_ROLES) {
  return { actor: await requirePageUser(ACTION_ROLES[action]), ip: await actionIp() };
}

/** Creates an account; without a typed password, generates one and shows it once. */
export async function createUserAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const context = await adminContext("createUserAction");
  try {
    const typed = text(form, "password");
    const password = typed || generatePassword();
    const user = await createUser({ email: text(form, "email"), name: text(form, "name"), role: roleSchema.parse(text(form, "role")), password }, context);
    revalidatePath("/admin/users");
    return { status: "ok", message: (await getTranslations("accountActions"))("created", { email: user.email, role: user.role }), secret: typed ? undefined : password };
  } catch (error) {
    return failure(error);
  }
}

export async function changeRoleAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const context = await adminContext("changeRoleAction");
  try {
    await updateUserRole(parseId(text(form, "userId"), { notFound: "user" }), roleSchema.parse(text(form, "role")), context);
    revalidatePath("/admin/users");
    return { status: "ok", message: (await getTranslations("accountActions"))("roleChanged") };
  } catch (error) {
    return failure(error);
  }
}

export async function setDisabledAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const context = await adminContext("setDisabledAction");
  try {
    const disabled = z.enum(["true", "false"]).parse(text(form, "disabled")) === "true";
    await setUserDisabled(parseId(text(form, "userId"), { notFound: "user" }), disabled, context);
    revalidatePath("/admin/users");
    return { status: "ok", message: (await getTranslations("accountActions"))(disabled ? "disabled" : "enabled") };
  } catch (error) {
    return failure(error);
  }
}

/** Sets a generated password, shown once to the admin to hand over; the user's sessions end. */
export async function resetPasswordAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const context = await adminContext("resetPasswordAction");
  try {
    const password = generatePassword();
    await resetUserPassword(parseId(text(form, "userId"), { notFound: "user" }), password, context);
    revalidatePath("/admin/users");
    return { status: "ok", message: (await getTranslations("accountActions"))("newPassword"), secret: password };
  } catch (error) {
    return failure(error);
  }
}
