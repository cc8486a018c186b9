"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";

/** A password or token shown once, selectable and copyable. */
export function SecretReveal({ label, value }: { label?: string; value: string }) {
  const [copied, setCopied] = useState(false);
  const t = useTranslations("secret");
  return (
    <div className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      {label ? <p className="mb-1.5 font-medium">{label}</p> : null}
      <div className="flex items-center gap-2">
        <input
          readOnly
          value={value}
          aria-label={t("label")}
          data-testid="secret-value"
          onFocus={(event) => event.currentTarget.select()}
          className="min-w-0 flex-1 rounded border border-amber-300 bg-white px-2 py-1 font-mono text-xs text-slate-900"
        />
        <button
          type="button"
          className={buttonClass("secondary", "shrink-0 px-2 py-1 text-xs")}
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(value);
              setCopied(true);
            } catch {
              // No clipboard (insecure context): the field stays selectable.
            }
          }}
        >
          {copied ? t("copied") : t("copy")}
        </button>
      </div>
    </div>
  );
}
