"use client";

import { useActionState } from "react";
import { ActionMessage } from "@/components/auth/action-message";
import { buttonClass } from "@/components/ui/button";
import { IDLE, type ActionState } from "@/lib/auth/action-state";
import { ROLES } from "@/lib/auth/roles";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

const FIELD = "h-9 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-xs focus:border-brand-500 focus:outline-none";

export function CreateUserForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <section className="mb-5 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="mb-3 text-sm font-semibold text-slate-900">Add a user</h2>
      <form action={formAction} className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          Email
          <input name="email" type="email" required className={`${FIELD} w-64`} />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          Name
          <input name="name" className={`${FIELD} w-48`} />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          Role
          <select name="role" defaultValue="viewer" className={FIELD}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          Password
          <input name="password" type="password" autoComplete="new-password" placeholder="Empty: generate one" className={`${FIELD} w-52`} />
        </label>
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? "Creating…" : "Create user"}
        </button>
      </form>
      <div className="mt-3 max-w-xl empty:hidden">
        <ActionMessage state={state} />
      </div>
    </section>
  );
}
