import { getTranslations } from "next-intl/server";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { toTokenRow } from "@/components/tokens/token-row";
import { TokensTable } from "@/components/tokens/tokens-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ClientMessages } from "@/components/i18n/client-messages";
import { PAGE_ROLES } from "@/lib/auth/access";
import { requirePageUser } from "@/lib/auth/guard";
import { listApiTokens } from "@/lib/auth/tokens";
import { createTokenAction, revokeTokenAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("tokens"))("title") };
}

export default async function TokensPage() {
  const user = await requirePageUser(PAGE_ROLES["/settings/tokens"]);
  const [tokens, t, tRole] = await Promise.all([listApiTokens(user.id), getTranslations("tokens"), getTranslations("roles")]);
  return (
    <ClientMessages namespaces={["tokens", "secret", "table"]}>
      <PageHeader
        title={t("title")}
        description={t("description", { role: tRole(user.role) })}
      />
      <CreateTokenForm action={createTokenAction} />
      {tokens.length ? (
        <TokensTable
          revoke={revokeTokenAction}
          tokens={tokens.map(toTokenRow)}
        />
      ) : (
        <EmptyState title={t("empty.title")}>{t("empty.body")}</EmptyState>
      )}
      <p className="mt-4 text-sm text-slate-600">
        {t("sendAs")} <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-xs text-slate-700">Authorization: Bearer &lt;token&gt;</code>, {t("forExample")}{" "}
        <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-xs text-slate-700">curl -H &quot;Authorization: Bearer $VIGIE_TOKEN&quot; …/api/sources</code>
      </p>
    </ClientMessages>
  );
}
