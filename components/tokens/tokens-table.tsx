"use client";

import { useActionState } from "react";
import { ActionMessage } from "@/components/auth/action-message";
import { buttonClass } from "@/components/ui/button";
import { IDLE, type ActionState } from "@/lib/auth/action-state";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

import type { TokenRow } from "./token-row";

const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;

function RevokeButton({ tokenId, name, action }: { tokenId: number; name: string; action: Action }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!confirm(`Revoke "${name}"? Scripts using it will stop working.`)) event.preventDefault();
      }}
      className="flex items-center justify-end gap-2"
    >
      <input type="hidden" name="tokenId" value={tokenId} />
      {state.status === "error" ? <ActionMessage state={state} /> : null}
      <button type="submit" disabled={pending} className={buttonClass("ghost", "px-2 py-0.5 text-xs text-red-700 hover:bg-red-50")}>
        Revoke
      </button>
    </form>
  );
}

function Status({ token, now }: { token: TokenRow; now: string }) {
  if (token.revokedAt) return <span className="text-xs">Revoked {utc(token.revokedAt)}</span>;
  if (token.expiresAt && token.expiresAt <= now) return <span className="text-xs">Expired {utc(token.expiresAt)}</span>;
  return (
    <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700 ring-1 ring-emerald-200">
      Active{token.expiresAt ? ` until ${utc(token.expiresAt)}` : ""}
    </span>
  );
}

export function TokensTable({ tokens, revoke }: { tokens: TokenRow[]; revoke: Action }) {
  const showOwner = tokens.some((token) => token.owner);
  // Rendered on the server first: one "now" for the whole table, as a string the client can compare.
  const now = new Date().toISOString();
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
          <tr>
            {showOwner ? <th className="px-3 py-2">Owner</th> : null}
            <th className="px-3 py-2">Name</th>
            <th className="px-3 py-2">Token</th>
            <th className="px-3 py-2">Scope</th>
            <th className="px-3 py-2">Created (UTC)</th>
            <th className="px-3 py-2">Last used (UTC)</th>
            <th className="px-3 py-2">Status</th>
            <th className="px-3 py-2 text-right">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {tokens.map((token) => (
            <tr key={token.id} className={token.revokedAt ? "text-slate-400" : undefined}>
              {showOwner ? <td className="px-3 py-2">{token.owner}</td> : null}
              <td className="px-3 py-2 font-medium">{token.name}</td>
              <td className="px-3 py-2 font-mono text-xs">{token.prefix}…</td>
              <td className="px-3 py-2">{token.scope}</td>
              <td className="px-3 py-2 tabular-nums">{utc(token.createdAt)}</td>
              <td className="px-3 py-2 tabular-nums">{token.lastUsedAt ? utc(token.lastUsedAt) : "never"}</td>
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
