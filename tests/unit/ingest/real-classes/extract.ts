import { extractArticle } from "../../../../lib/ingest/pipeline";

/** The incidents of a short text of our own, published on Thursday 12 June 2025 unless said otherwise. */
export const extract = (text: string, language: "fr" | "en" = "fr", publishedAt = "2025-06-12") => extractArticle({ text, publishedAt, language }).incidents;
