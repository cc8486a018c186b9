"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/ui/use-format";
import { Button } from "@/components/ui/button";
import { HighlightedText } from "@/components/evidence/highlighted-text";
import type { ExtractResult } from "@/lib/ingest/pipeline";
import { ExtractedIncidentCard } from "./extracted-incident-card";
import { DayInput } from "@/components/forms/day-input";

type Preview = ExtractResult & { text: string };
type SaveResult = { created: boolean; source: { id: number }; incidents: { id: number; attached: boolean }[] };

const input = "w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-xs focus:border-brand-500 focus:outline-none focus:ring-1 focus:ring-brand-500";
const label = "mb-1 block text-xs font-medium uppercase tracking-wide text-slate-600";

/** The API's own message (it names the bad field), else the status in the user's language. */
async function errorMessage(response: Response, fallback: (status: number) => string): Promise<string> {
  const body = (await response.json().catch(() => null)) as { message?: string } | null;
  return body?.message ?? fallback(response.status);
}

/** Paste or upload an article, review what Vigie extracted (with the evidence marked), then save. */
export function IngestForm() {
  const router = useRouter();
  const t = useTranslations("ingest");
  const format = useFormat();
  const serverAnswered = (status: number) => t("serverAnswered", { status });
  const [text, setText] = useState("");
  const [html, setHtml] = useState<string | null>(null);
  const [feedFile, setFeedFile] = useState<File | null>(null);
  const [meta, setMeta] = useState({ url: "", title: "", publishedAt: "", language: "" });
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState<"preview" | "save" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  function body() {
    const optional = Object.fromEntries(Object.entries(meta).filter(([, value]) => value.trim()));
    return JSON.stringify({ ...(html !== null ? { html } : { text }), ...optional });
  }

  async function onFile(file: File | undefined) {
    setPreview(null);
    setError(null);
    setFeedFile(null);
    setHtml(null);
    if (!file) return;
    const content = await file.text();
    if (/^\s*(<\?xml[^>]*>\s*)?<(rss|feed|rdf:RDF)[\s>]/i.test(content)) {
      setFeedFile(file);
      setText("");
    } else if (/\.html?$/i.test(file.name) || /^\s*(<!doctype html|<html)/i.test(content)) {
      setHtml(content);
      setText("");
    } else {
      setText(content);
    }
  }

  async function runPreview() {
    setBusy("preview");
    setError(null);
    setNotice(null);
    try {
      const response = await fetch("/api/sources/preview", { method: "POST", headers: { "content-type": "application/json" }, body: body() });
      if (!response.ok) throw new Error(await errorMessage(response, serverAnswered));
      setPreview((await response.json()) as Preview);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(null);
    }
  }

  async function save() {
    setBusy("save");
    setError(null);
    try {
      let response: Response;
      if (feedFile) {
        const form = new FormData();
        form.set("file", feedFile);
        response = await fetch("/api/sources", { method: "POST", body: form });
      } else {
        response = await fetch("/api/sources", { method: "POST", headers: { "content-type": "application/json" }, body: body() });
      }
      if (!response.ok) throw new Error(await errorMessage(response, serverAnswered));
      const result = (await response.json()) as SaveResult | { results: SaveResult[] };
      if ("results" in result) {
        const created = result.results.filter((item) => item.created).length;
        setNotice(t("feedStored", { created, present: result.results.length - created }));
        router.refresh();
        return;
      }
      router.push(`/sources/${result.source.id}${result.created ? "" : "?existing=1"}`);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(null);
    }
  }

  const spans = preview?.incidents.flatMap((incident) => incident.evidence) ?? [];
  const hasContent = Boolean(text.trim() || html || feedFile);

  return (
    <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-xs">
        <div>
          <label className={label} htmlFor="article-text">{t("text")}</label>
          <textarea
            id="article-text"
            className={`${input} h-72 font-mono text-[13px]`}
            placeholder={t("textPlaceholder")}
            value={html !== null ? t("htmlLoaded") : feedFile ? t("feedLoaded", { name: feedFile.name }) : text}
            readOnly={html !== null || feedFile !== null}
            onChange={(event) => {
              setText(event.target.value);
              setPreview(null);
            }}
          />
        </div>
        <div className="grid grid-cols-2 gap-3">
          <div className="col-span-2">
            <label className={label} htmlFor="article-file">{t("file")}</label>
            <input id="article-file" type="file" accept=".txt,.md,.html,.htm,.xml,.rss,.atom,text/*,application/xml" className="block w-full text-sm text-slate-600 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm file:font-medium hover:file:bg-slate-200" onChange={(event) => void onFile(event.target.files?.[0])} />
          </div>
          <div className="col-span-2">
            <label className={label} htmlFor="article-url">{t("url")}</label>
            <input id="article-url" className={input} value={meta.url} onChange={(event) => setMeta({ ...meta, url: event.target.value })} placeholder="https://…" />
          </div>
          <div className="col-span-2">
            <label className={label} htmlFor="article-title">{t("title")}</label>
            <input id="article-title" className={input} value={meta.title} onChange={(event) => setMeta({ ...meta, title: event.target.value })} placeholder={t("titlePlaceholder")} />
          </div>
          <div>
            <label className={label} htmlFor="article-published">{t("published")}</label>
            <DayInput id="article-published" className={input} value={meta.publishedAt} onChange={(day) => setMeta({ ...meta, publishedAt: day })} />
          </div>
          <div>
            <label className={label} htmlFor="article-language">{t("language")}</label>
            <select id="article-language" className={input} value={meta.language} onChange={(event) => setMeta({ ...meta, language: event.target.value })}>
              <option value="">{t("detect")}</option>
              <option value="fr">{t("french")}</option>
              <option value="en">{t("english")}</option>
            </select>
          </div>
        </div>
        {error ? <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p> : null}
        {notice ? <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-700">{notice}</p> : null}
        <div className="flex gap-2">
          {!feedFile ? (
            <Button type="button" onClick={() => void runPreview()} disabled={!hasContent || busy !== null}>
              {busy === "preview" ? t("extracting") : t("preview")}
            </Button>
          ) : null}
          <Button type="button" variant="primary" onClick={() => void save()} disabled={!hasContent || busy !== null || (!feedFile && !preview)}>
            {busy === "save" ? t("saving") : feedFile ? t("ingestFeed") : t("save")}
          </Button>
        </div>
      </section>
      <section className="space-y-3">
        {preview ? (
          <>
            <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-xs">
              <h2 className="text-sm font-semibold text-slate-800">
                {t("proposed", { count: preview.incidents.length })}
                <span className="ml-2 font-normal text-slate-600">
                  {preview.source.title ?? t("untitled")} · {preview.source.publishedAt ? format.day(preview.source.publishedAt) : t("noDate")} · {preview.source.language ?? "?"}
                </span>
              </h2>
              <div className="mt-3 space-y-2">
                {preview.incidents.map((incident, index) => (
                  <ExtractedIncidentCard key={index} incident={incident} />
                ))}
              </div>
            </div>
            <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-xs">
              <h2 className="mb-2 text-sm font-semibold text-slate-800">{t("evidence")}</h2>
              <HighlightedText text={preview.text} spans={spans} className="max-h-[32rem] overflow-auto" scrollLabel={t("evidence")} />
            </div>
          </>
        ) : (
          <div className="flex h-full min-h-48 items-center justify-center rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">
            {t("placeholder")}
          </div>
        )}
      </section>
    </div>
  );
}
