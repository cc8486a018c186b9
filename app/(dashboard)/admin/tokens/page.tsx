import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { TokensTable } from "@/components/tokens/tokens-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { PAGE_ROLES } from "@/lib/auth/access";
import { requirePageUser } from "@/lib/auth/guard";
import { listAllApiTokens } from "@/lib/auth/tokens";
import { toTokenRow } from "@/components/tokens/token-row";
import { revokeAnyTokenAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("tokens"))("allTitle") };
}

export default async function AdminTokensPage() {
  await requirePageUser(PAGE_ROLES["/admin/tokens"]);
  const [tokens, t] = await Promise.all([listAllApiTokens(), getTranslations("tokens")]);
  return (
    <>
      <PageHeader
        title={t("allTitle")}
        description={t("allDescription")}
      />
      {tokens.length ? (
        <ClientMessages namespaces={["tokens", "accountActions", "table"]}>
          <TokensTable revoke={revokeAnyTokenAction} tokens={tokens.map((token) => ({ ...toTokenRow(token), owner: token.owner.email }))} />
        </ClientMessages>
      ) : (
        <EmptyState title={t("empty.title")}>{t("allEmpty")}</EmptyState>
      )}
    </>
  );
}
