"use client";

import { useTranslations } from "next-intl";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { useFormat } from "@/components/ui/use-format";
import type { ActionState } from "@/lib/errors/action-state";
import type { Role } from "@/lib/auth/roles";
import { RoleSelect, UserRowActions } from "./user-row-actions";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

export type UserRow = {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  disabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
};

type Props = {
  users: UserRow[];
  currentUserId: number;
  actions: { changeRole: Action; setDisabled: Action; resetPassword: Action };
};

export function UsersTable({ users, currentUserId, actions }: Props) {
  const t = useTranslations("users");
  const utc = useFormat().dateTime;
  const never = (text: string) => <span className="text-slate-600">{text}</span>;
  const columns: DataTableColumn<UserRow>[] = [
    {
      id: "email",
      header: t("email"),
      meta: { className: "font-medium text-slate-900" },
      cell: ({ row }) => (
        <>
          {row.original.email}
          {row.original.id === currentUserId ? <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-700">{t("you")}</span> : null}
        </>
      ),
    },
    { id: "name", header: t("name"), cell: ({ row }) => row.original.name ?? never("—") },
    {
      id: "role",
      header: t("role"),
      cell: ({ row }) => <RoleSelect userId={row.original.id} role={row.original.role} self={row.original.id === currentUserId} action={actions.changeRole} />,
    },
    {
      id: "status",
      header: t("status"),
      cell: ({ row }) =>
        row.original.disabled ? (
          <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-700">{t("disabled")}</span>
        ) : (
          <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700 ring-1 ring-emerald-200">{t("active")}</span>
        ),
    },
    { id: "lastSignIn", header: t("lastSignIn"), meta: { className: "tabular-nums" }, cell: ({ row }) => (row.original.lastLoginAt ? utc(row.original.lastLoginAt) : never(t("never"))) },
    { id: "created", header: t("created"), meta: { className: "tabular-nums" }, cell: ({ row }) => utc(row.original.createdAt) },
    {
      id: "actions",
      header: t("actions"),
      meta: { align: "right" },
      cell: ({ row }) => (
        <UserRowActions userId={row.original.id} email={row.original.email} disabled={row.original.disabled} self={row.original.id === currentUserId} actions={actions} />
      ),
    },
  ];
  return (
    <DataTable
      caption={t("tableLabel")}
      columns={columns}
      data={users}
      getRowId={(user) => String(user.id)}
      rowAttributes={(user) => ({ className: user.disabled ? "bg-slate-50/60 text-slate-600" : undefined, testId: `user-row-${user.email}` })}
    />
  );
}
