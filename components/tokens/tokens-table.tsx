"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/ui/use-format";
import { ActionMessage } from "@/components/auth/action-message";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { buttonClass } from "@/components/ui/button";
import { IDLE, type ActionState } from "@/lib/errors/action-state";
import type { TokenScope } from "@/lib/auth/tokens";
import type { TokenRow } from "./token-row";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

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
  // Rendered on the server first: one "now" for the whole table, as a string the client can compare.
  const now = new Date().toISOString();
  const columns: DataTableColumn<TokenRow>[] = [
    ...(tokens.some((token) => token.owner) ? [{ id: "owner", header: t("column.owner"), cell: ({ row }) => row.original.owner } satisfies DataTableColumn<TokenRow>] : []),
    { id: "name", header: t("column.name"), meta: { className: "font-medium" }, cell: ({ row }) => row.original.name },
    { id: "token", header: t("column.token"), meta: { className: "font-mono text-xs" }, cell: ({ row }) => `${row.original.prefix}…` },
    { id: "scope", header: t("column.scope"), cell: ({ row }) => t(`scope.${row.original.scope as TokenScope}`) },
    { id: "created", header: t("column.created"), meta: { className: "tabular-nums" }, cell: ({ row }) => utc(row.original.createdAt) },
    { id: "lastUsed", header: t("column.lastUsed"), meta: { className: "tabular-nums" }, cell: ({ row }) => (row.original.lastUsedAt ? utc(row.original.lastUsedAt) : t("never")) },
    { id: "status", header: t("column.status"), cell: ({ row }) => <Status token={row.original} now={now} /> },
    {
      id: "actions",
      header: () => <span className="sr-only">{t("column.actions")}</span>,
      meta: { align: "right" },
      cell: ({ row }) => (row.original.revokedAt ? null : <RevokeButton tokenId={row.original.id} name={row.original.name} action={revoke} />),
    },
  ];
  return (
    <DataTable
      caption={t("tableLabel")}
      columns={columns}
      data={tokens}
      getRowId={(token) => String(token.id)}
      rowAttributes={(token) => ({ className: token.revokedAt ? "text-slate-600" : undefined })}
    />
  );
}
