import { getTranslations } from "next-intl/server";
import { IngestForm } from "@/components/ingest/ingest-form";
import { PageHeader } from "@/components/ui/page-header";
import { ClientMessages } from "@/components/i18n/client-messages";
import { PAGE_ROLES } from "@/lib/auth/access";
import { requirePageUser } from "@/lib/auth/guard";

export async function generateMetadata() {
  return { title: (await getTranslations("ingest"))("pageTitle") };
}

export default async function IngestPage() {
  await requirePageUser(PAGE_ROLES["/ingest"]);
  const t = await getTranslations("ingest");
  return (
    <>
      <PageHeader
        title={t("heading")}
        description={t("description")}
      />
      <ClientMessages namespaces={["ingest", "evidenceField", "sourceList", "incidents"]}>
        <IngestForm />
      </ClientMessages>
    </>
  );
}
