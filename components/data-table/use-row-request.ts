"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";

export type RowResponse = { ok: boolean; status: number; json: { message?: string; [key: string]: unknown } | null };

/**
 * The action cells of the lists (resolve a queued name, pause a watch, mark an alert read) each send one
 * JSON request for a row, keep that row's buttons disabled meanwhile, then reload the server-rendered rows.
 * `busy` is the key of the row being acted on (or null).
 */
export function useRowRequest<Key extends string | number | boolean = true>() {
  const router = useRouter();
  const [busy, setBusy] = useState<Key | null>(null);
  const send = useCallback(async (key: Key, url: string, init: { method: string; body?: unknown }): Promise<RowResponse> => {
    setBusy(key);
    try {
      const response = await fetch(url, {
        method: init.method,
        headers: { "content-type": "application/json" },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      const json = (await response.json().catch(() => null)) as RowResponse["json"];
      router.refresh();
      return { ok: response.ok, status: response.status, json };
    } finally {
      setBusy(null);
    }
  }, [router]);
  return { busy, send };
}
