import type { ActionState } from "@/lib/errors/action-state";
import { SecretReveal } from "./secret-reveal";

/** The outcome of a form's server action, under the form. */
export function ActionMessage({ state }: { state: ActionState }) {
  if (state.status === "idle") return null;
  if (state.status === "error") {
    return (
      <p role="alert" className="text-sm text-red-700">
        {state.message}
      </p>
    );
  }
  if (state.secret) return <SecretReveal label={state.message} value={state.secret} />;
  return (
    <p role="status" className="text-sm text-emerald-700">
      {state.message}
    </p>
  );
}
