import { CreateUserForm } from "@/components/admin/create-user-form";
import { UsersTable } from "@/components/admin/users-table";
import { PageHeader } from "@/components/ui/page-header";
import { PAGE_ROLES } from "@/lib/auth/access";
import { requirePageUser } from "@/lib/auth/guard";
import { listUsers } from "@/lib/auth/users";
import { changeRoleAction, createUserAction, resetPasswordAction, setDisabledAction } from "./actions";

export const metadata = { title: "Users" };

export default async function UsersPage() {
  const admin = await requirePageUser(PAGE_ROLES["/admin/users"]);
  const users = await listUsers();
  const active = users.filter((user) => !user.disabled).length;
  return (
    <>
      <PageHeader
        title="Users"
        description={`${users.length} account${users.length === 1 ? "" : "s"}, ${active} active. Viewers read and export; analysts also ingest and review; admins also manage users.`}
      />
      <CreateUserForm action={createUserAction} />
      <UsersTable
        currentUserId={admin.id}
        users={users.map((user) => ({
          id: user.id,
          email: user.email,
          name: user.name,
          role: user.role,
          disabled: user.disabled,
          createdAt: user.createdAt.toISOString(),
          lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
        }))}
        actions={{ changeRole: changeRoleAction, setDisabled: setDisabledAction, resetPassword: resetPasswordAction }}
      />
    </>
  );
}
