import { IngestForm } from "@/components/ingest/ingest-form";
import { PageHeader } from "@/components/ui/page-header";
import { PAGE_ROLES } from "@/lib/auth/access";
import { requirePageUser } from "@/lib/auth/guard";

export const metadata = { title: "Ingest" };

export default async function IngestPage() {
  await requirePageUser(PAGE_ROLES["/ingest"]);
  return (
    <>
      <PageHeader
        title="Ingest an article"
        description="Vigie proposes incidents from French or English text; every field shows the sentence it came from. Nothing is stored until you save."
      />
      <IngestForm />
    </>
  );
}
