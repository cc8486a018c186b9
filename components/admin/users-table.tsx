import { useTranslations } from "next-intl";
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
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500" tabIndex={0} role="region" aria-label={t("tableLabel")}>
      <table className="w-full text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-600">
          <tr>
            <th className="px-3 py-2">{t("email")}</th>
            <th className="px-3 py-2">{t("name")}</th>
            <th className="px-3 py-2">{t("role")}</th>
            <th className="px-3 py-2">{t("status")}</th>
            <th className="px-3 py-2">{t("lastSignIn")}</th>
            <th className="px-3 py-2">{t("created")}</th>
            <th className="px-3 py-2 text-right">{t("actions")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {users.map((user) => {
            const self = user.id === currentUserId;
            return (
              <tr key={user.id} className={user.disabled ? "bg-slate-50/60 text-slate-600" : undefined} data-testid={`user-row-${user.email}`}>
                <td className="px-3 py-2 font-medium text-slate-900">
                  {user.email}
                  {self ? <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-700">{t("you")}</span> : null}
                </td>
                <td className="px-3 py-2">{user.name ?? <span className="text-slate-600">—</span>}</td>
                <td className="px-3 py-2">
                  <RoleSelect userId={user.id} role={user.role} self={self} action={actions.changeRole} />
                </td>
                <td className="px-3 py-2">
                  {user.disabled ? (
                    <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-700">{t("disabled")}</span>
                  ) : (
                    <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700 ring-1 ring-emerald-200">{t("active")}</span>
                  )}
                </td>
                <td className="px-3 py-2 tabular-nums">{user.lastLoginAt ? utc(user.lastLoginAt) : <span className="text-slate-600">{t("never")}</span>}</td>
                <td className="px-3 py-2 tabular-nums">{utc(user.createdAt)}</td>
                <td className="px-3 py-2 text-right align-top">
                  <UserRowActions userId={user.id} email={user.email} disabled={user.disabled} self={self} actions={actions} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
