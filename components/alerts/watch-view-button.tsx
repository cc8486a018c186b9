"use client";

/** "Watch this view": a watch on the filter of the current URL, with its condition and delivery. */
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Popover } from "@/components/incidents/popover";
import { buttonClass } from "@/components/ui/button";

const field = "mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm";

export function WatchViewButton({ surgeRule, canShare }: { surgeRule: string; canShare: boolean }) {
  const searchParams = useSearchParams();
  const t = useTranslations("watchView");
  const [condition, setCondition] = useState("every");
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (form: FormData) => {
    const query = new URLSearchParams(searchParams?.toString());
    for (const key of ["page", "pageSize", "sort", "since", "columns"]) query.delete(key);
    setBusy(true);
    setResult(null);
    try {
      const response = await fetch("/api/watches", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          name: String(form.get("name") ?? ""),
          query: query.toString(),
          condition,
          ...(condition === "fatalities" && { minFatalities: Number(form.get("minFatalities")) }),
          verifiedOnly: form.get("verifiedOnly") === "on",
          shared: form.get("shared") === "on",
          emailMode: String(form.get("emailMode") ?? "off"),
        }),
      });
      const body = (await response.json().catch(() => ({}))) as { message?: string; name?: string };
      setResult(response.ok ? { ok: true, message: t("watching", { name: body.name ?? "" }) } : { ok: false, message: body.message ?? `HTTP ${response.status}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Popover label={t("button")} testId="watch-view">
      {() => (
        <form action={submit} className="space-y-2">
          <p className="text-xs text-slate-600">{t("intro")}</p>
          <label className="block text-xs font-medium text-slate-600">
            {t("name")}
            <input name="name" required maxLength={120} placeholder={t("namePlaceholder")} className={field} />
          </label>
          <label className="block text-xs font-medium text-slate-600">
            {t("alertOn")}
            <select name="condition" value={condition} onChange={(event) => setCondition(event.target.value)} className={field}>
              <option value="every">{t("every")}</option>
              <option value="fatalities">{t("fatalities")}</option>
              <option value="surge">{t("surge")}</option>
            </select>
          </label>
          {condition === "fatalities" ? (
            <label className="block text-xs font-medium text-slate-600">
              {t("minFatalities")}
              <input name="minFatalities" type="number" min={1} defaultValue={10} required className={field} />
            </label>
          ) : null}
          {condition === "surge" ? <p className="rounded bg-slate-50 p-2 text-xs text-slate-600">{surgeRule}</p> : null}
          <label className="block text-xs font-medium text-slate-600">
            {t("email")}
            <select name="emailMode" defaultValue="off" className={field}>
              <option value="off">{t("noEmail")}</option>
              <option value="immediate">{t("immediate")}</option>
              <option value="daily">{t("daily")}</option>
              <option value="weekly">{t("weekly")}</option>
            </select>
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="verifiedOnly" className="accent-brand-600" /> {t("verifiedOnly")}
          </label>
          {canShare ? (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="shared" className="accent-brand-600" /> {t("share")}
            </label>
          ) : null}
          <button type="submit" disabled={busy} className={buttonClass("primary", "w-full")}>
            {t("submit")}
          </button>
          {result ? (
            <p role="status" className={`text-xs ${result.ok ? "text-emerald-700" : "text-red-600"}`}>
              {result.message}{" "}
              {result.ok ? (
                <Link href="/watches" className="underline">
                  {t("yourWatches")}
                </Link>
              ) : null}
            </p>
          ) : null}
        </form>
      )}
    </Popover>
  );
}
