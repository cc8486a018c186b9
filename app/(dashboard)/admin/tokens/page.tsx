import { TokensTable } from "@/components/tokens/tokens-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { PAGE_ROLES } from "@/lib/auth/access";
import { requirePageUser } from "@/lib/auth/guard";
import { listAllApiTokens } from "@/lib/auth/tokens";
import { toTokenRow } from "@/components/tokens/token-row";
import { revokeAnyTokenAction } from "./actions";

export const metadata = { title: "API tokens of all users" };

export default async function AdminTokensPage() {
  await requirePageUser(PAGE_ROLES["/admin/tokens"]);
  const tokens = await listAllApiTokens();
  return (
    <>
      <PageHeader
        title="API tokens of all users"
        description="Every personal token, with its owner. Revoke one that leaked; changing a user's role, disabling them or resetting their password revokes all of theirs."
      />
      {tokens.length ? (
        <TokensTable revoke={revokeAnyTokenAction} tokens={tokens.map((token) => ({ ...toTokenRow(token), owner: token.owner.email }))} />
      ) : (
        <EmptyState title="No token yet">Users create tokens under Tokens.</EmptyState>
      )}
    </>
  );
}
