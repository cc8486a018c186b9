import { getTranslations } from "next-intl/server";
import { IngestForm } from "@/components/ingest/ingest-form";
import { PageHeader } from "@/components/ui/page-header";
import { ClientMessages } from "@/components/i18n/client-messages";
import { requirePageUser } from "@/lib/auth/guard";

export async function generateMetadata() {
  return { title: (await getTranslations("ingest"))("pageTitle") };
}

export default async function IngestPage() {
  await requirePageUser("analyst");
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
