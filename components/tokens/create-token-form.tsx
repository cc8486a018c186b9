"use client";

import { useActionState } from "react";
import { ActionMessage } from "@/components/auth/action-message";
import { buttonClass } from "@/components/ui/button";
import { IDLE, type ActionState } from "@/lib/auth/action-state";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

export function CreateTokenForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <section className="mb-5 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="mb-3 text-sm font-semibold text-slate-900">New token</h2>
      <form action={formAction} className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          Name
          <input
            name="name"
            required
            maxLength={100}
            placeholder="e.g. weekly export script"
            className="w-72 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-xs focus:border-brand-500 focus:outline-none"
          />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          Scope
          <select name="scope" defaultValue="read-write" className="rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-xs">
            <option value="read-write">read-write</option>
            <option value="read">read only</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          Expires after (days)
          <input
            name="expiresInDays"
            type="number"
            min={1}
            max={365}
            placeholder="never"
            className="w-32 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-xs focus:border-brand-500 focus:outline-none"
          />
        </label>
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? "Creating…" : "Create token"}
        </button>
      </form>
      <div className="mt-3 max-w-2xl empty:hidden">
        <ActionMessage state={state} />
      </div>
    </section>
  );
}
