"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ActionMessage } from "@/components/auth/action-message";
import { buttonClass } from "@/components/ui/button";
import { IDLE, type ActionState } from "@/lib/errors/action-state";
import { ROLES, type Role } from "@/lib/auth/roles";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

export type UserRowActionsProps = {
  userId: number;
  email: string;
  role: Role;
  disabled: boolean;
  self: boolean;
  actions: { changeRole: Action; setDisabled: Action; resetPassword: Action };
};

type Counted = ActionState & { attempt: number };

export function RoleSelect({ userId, role, self, action }: { userId: number; role: Role; self: boolean; action: Action }) {
  // Counting attempts re-mounts the select after a refused change, so it shows the role the user still has.
  const [state, formAction, pending] = useActionState<Counted, FormData>(
    async (previous, form) => ({ ...(await action(previous, form)), attempt: previous.attempt + 1 }),
    { ...IDLE, attempt: 0 },
  );
  const t = useTranslations("users");
  const tRole = useTranslations("roles");
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <select
        key={`${role}:${state.attempt}`}
        name="role"
        defaultValue={role}
        disabled={self || pending}
        aria-label={t("role")}
        title={self ? t("ownRole") : undefined}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
        className="rounded border border-slate-300 bg-white px-1.5 py-0.5 text-sm disabled:bg-slate-50 disabled:text-slate-500"
      >
        {ROLES.map((value) => (
          <option key={value} value={value}>
            {tRole(value)}
          </option>
        ))}
      </select>
      {state.status === "error" ? <ActionMessage state={state} /> : null}
    </form>
  );
}

export function UserRowActions({ userId, email, disabled, self, actions }: Omit<UserRowActionsProps, "role">) {
  const [toggleState, toggleAction, toggling] = useActionState(actions.setDisabled, IDLE);
  const [resetState, resetAction, resetting] = useActionState(actions.resetPassword, IDLE);
  const t = useTranslations("users");
  return (
    <div className="flex flex-col items-end gap-1.5">
      <div className="flex justify-end gap-1.5">
        <form
          action={resetAction}
          onSubmit={(event) => {
            if (!confirm(t("confirmReset", { email }))) event.preventDefault();
          }}
        >
          <input type="hidden" name="userId" value={userId} />
          <button type="submit" disabled={resetting} className={buttonClass("secondary", "px-2 py-0.5 text-xs")}>
            {t("resetPassword")}
          </button>
        </form>
        <form action={toggleAction}>
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="disabled" value={disabled ? "false" : "true"} />
          <button
            type="submit"
            disabled={self || toggling}
            title={self ? t("ownAccount") : undefined}
            className={buttonClass(disabled ? "secondary" : "ghost", `px-2 py-0.5 text-xs ${disabled ? "" : "text-red-700 hover:bg-red-50"}`)}
          >
            {disabled ? t("enable") : t("disable")}
          </button>
        </form>
      </div>
      {toggleState.status === "error" ? <ActionMessage state={toggleState} /> : null}
      {resetState.status !== "idle" ? (
        <div className="w-72 text-left">
          <ActionMessage state={resetState} />
        </div>
      ) : null}
    </div>
  );
}
