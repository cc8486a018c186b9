"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { IDLE, type ActionState } from "@/lib/errors/action-state";

type Action = (previous: ActionState, form: FormData) => Promise<ActionState>;

/** Verify / reject / back to unverified, with the version the page showed (a stale click is refused). */
export function ReviewActions({ id, version, status, action }: { id: number; version: number; status: string; action: Action }) {
  const [state, submit, busy] = useActionState(action, IDLE);
  const t = useTranslations("review");
  const choices = [
    { status: "verified", label: t("verify"), variant: "primary" as const },
    { status: "rejected", label: t("reject"), variant: "danger" as const },
    { status: "unverified", label: t("unverify"), variant: "secondary" as const },
  ].filter((choice) => choice.status !== status);
  return (
    <div className="flex flex-wrap items-center gap-2">
      {choices.map((choice) => (
        <form key={choice.status} action={submit}>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="status" value={choice.status} />
          <button type="submit" disabled={busy} className={buttonClass(choice.variant)}>
            {choice.label}
          </button>
        </form>
      ))}
      {state.message && state.status !== "ok" ? (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
