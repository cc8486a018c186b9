import { getTranslations } from "next-intl/server";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { UsersTable } from "@/components/admin/users-table";
import { PageHeader } from "@/components/ui/page-header";
import { ClientMessages } from "@/components/i18n/client-messages";
import { PAGE_ROLES } from "@/lib/auth/access";
import { requirePageUser } from "@/lib/auth/guard";
import { listUsers } from "@/lib/auth/users";
import { changeRoleAction, createUserAction, resetPasswordAction, setDisabledAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage() {
  const admin = await requirePageUser(PAGE_ROLES["/admin/users"]);
  const [users, t] = await Promise.all([listUsers(), getTranslations("users")]);
  const active = users.filter((user) => !user.disabled).length;
  return (
    <ClientMessages namespaces={["users", "secret", "table"]}>
      <PageHeader
        title={t("title")}
        description={t("description", { count: users.length, active })}
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
    </ClientMessages>
  );
}
