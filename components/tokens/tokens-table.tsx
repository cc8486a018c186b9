"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/ui/use-format";
import { ActionMessage } from "@/components/auth/action-message";
import { buttonClass } from "@/components/ui/button";
import { IDLE, type ActionState } from "@/lib/errors/action-state";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

import type { TokenScope } from "@/lib/auth/tokens";
import type { TokenRow } from "./token-row";

function RevokeButton({ tokenId, name, action }: { tokenId: number; name: string; action: Action }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const t = useTranslations("tokens");
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!confirm(t("confirmRevoke", { name }))) event.preventDefault();
      }}
      className="flex items-center justify-end gap-2"
    >
      <input type="hidden" name="tokenId" value={tokenId} />
      {state.status === "error" ? <ActionMessage state={state} /> : null}
      <button type="submit" disabled={pending} className={buttonClass("ghost", "px-2 py-0.5 text-xs text-red-700 hover:bg-red-50")}>
        {t("revoke")}
      </button>
    </form>
  );
}

function Status({ token, now }: { token: TokenRow; now: string }) {
  const t = useTranslations("tokens");
  const utc = useFormat().dateTime;
  if (token.revokedAt) return <span className="text-xs">{t("revoked", { date: utc(token.revokedAt) })}</span>;
  if (token.expiresAt && token.expiresAt <= now) return <span className="text-xs">{t("expired", { date: utc(token.expiresAt) })}</span>;
  return (
    <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700 ring-1 ring-emerald-200">
      {token.expiresAt ? t("activeUntil", { date: utc(token.expiresAt) }) : t("active")}
    </span>
  );
}

export function TokensTable({ tokens, revoke }: { tokens: TokenRow[]; revoke: Action }) {
  const t = useTranslations("tokens");
  const utc = useFormat().dateTime;
  const showOwner = tokens.some((token) => token.owner);
  // Rendered on the server first: one "now" for the whole table, as a string the client can compare.
  const now = new Date().toISOString();
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500" tabIndex={0} role="region" aria-label={t("tableLabel")}>
      <table className="w-full text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-600">
          <tr>
            {showOwner ? <th className="px-3 py-2">{t("column.owner")}</th> : null}
            <th className="px-3 py-2">{t("column.name")}</th>
            <th className="px-3 py-2">{t("column.token")}</th>
            <th className="px-3 py-2">{t("column.scope")}</th>
            <th className="px-3 py-2">{t("column.created")}</th>
            <th className="px-3 py-2">{t("column.lastUsed")}</th>
            <th className="px-3 py-2">{t("column.status")}</th>
            <th className="px-3 py-2 text-right">
              <span className="sr-only">{t("column.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {tokens.map((token) => (
            <tr key={token.id} className={token.revokedAt ? "text-slate-600" : undefined}>
              {showOwner ? <td className="px-3 py-2">{token.owner}</td> : null}
              <td className="px-3 py-2 font-medium">{token.name}</td>
              <td className="px-3 py-2 font-mono text-xs">{token.prefix}…</td>
              <td className="px-3 py-2">{t(`scope.${token.scope as TokenScope}`)}</td>
              <td className="px-3 py-2 tabular-nums">{utc(token.createdAt)}</td>
              <td className="px-3 py-2 tabular-nums">{token.lastUsedAt ? utc(token.lastUsedAt) : t("never")}</td>
              <td className="px-3 py-2">
                <Status token={token} now={now} />
              </td>
              <td className="px-3 py-2 text-right">{token.revokedAt ? null : <RevokeButton tokenId={token.id} name={token.name} action={revoke} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
