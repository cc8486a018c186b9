import type { ActionState } from "@/lib/auth/action-state";
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

const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;

export function UsersTable({ users, currentUserId, actions }: Props) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-3 py-2">Email</th>
            <th className="px-3 py-2">Name</th>
            <th className="px-3 py-2">Role</th>
            <th className="px-3 py-2">Status</th>
            <th className="px-3 py-2">Last sign-in (UTC)</th>
            <th className="px-3 py-2">Created (UTC)</th>
            <th className="px-3 py-2 text-right">Actions</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {users.map((user) => {
            const self = user.id === currentUserId;
            return (
              <tr key={user.id} className={user.disabled ? "bg-slate-50/60 text-slate-500" : undefined} data-testid={`user-row-${user.email}`}>
                <td className="px-3 py-2 font-medium text-slate-900">
                  {user.email}
                  {self ? <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-700">you</span> : null}
                </td>
                <td className="px-3 py-2">{user.name ?? <span className="text-slate-400">—</span>}</td>
                <td className="px-3 py-2">
                  <RoleSelect userId={user.id} role={user.role} self={self} action={actions.changeRole} />
                </td>
                <td className="px-3 py-2">
                  {user.disabled ? (
                    <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-600">Disabled</span>
                  ) : (
                    <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700 ring-1 ring-emerald-200">Active</span>
                  )}
                </td>
                <td className="px-3 py-2 tabular-nums">{user.lastLoginAt ? utc(user.lastLoginAt) : <span className="text-slate-400">never</span>}</td>
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
