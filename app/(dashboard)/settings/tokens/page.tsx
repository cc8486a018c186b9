import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { toTokenRow } from "@/components/tokens/token-row";
import { TokensTable } from "@/components/tokens/tokens-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { PAGE_ROLES } from "@/lib/auth/access";
import { requirePageUser } from "@/lib/auth/guard";
import { listApiTokens } from "@/lib/auth/tokens";
import { createTokenAction, revokeTokenAction } from "./actions";

export const metadata = { title: "API tokens" };

export default async function TokensPage() {
  const user = await requirePageUser(PAGE_ROLES["/settings/tokens"]);
  const tokens = await listApiTokens(user.id);
  return (
    <>
      <PageHeader
        title="API tokens"
        description={`Personal tokens for scripts. A token acts as you, with your role (${user.role}), or only reads if its scope is read. It stops working when it expires or is revoked, and when your account is disabled, your role changes or your password is reset.`}
      />
      <CreateTokenForm action={createTokenAction} />
      {tokens.length ? (
        <TokensTable
          revoke={revokeTokenAction}
          tokens={tokens.map(toTokenRow)}
        />
      ) : (
        <EmptyState title="No token yet">Create one to call the JSON and CSV endpoints from a script.</EmptyState>
      )}
      <p className="mt-4 text-sm text-slate-500">
        Send it as <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-xs text-slate-700">Authorization: Bearer &lt;token&gt;</code>, e.g.{" "}
        <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-xs text-slate-700">curl -H &quot;Authorization: Bearer $VIGIE_TOKEN&quot; …/api/sources</code>
      </p>
    </>
  );
}
