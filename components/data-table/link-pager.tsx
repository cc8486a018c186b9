import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";

type Step = { href: string; text: string } | null;

/** Previous and next links under a list whose server page reads `page`: plain links, no script needed. */
export function LinkPager({ label, summary, previous, next }: { label: string; summary: ReactNode; previous: Step; next: Step }) {
  return (
    <nav aria-label={label} className="mt-3 flex items-center justify-between text-sm text-slate-600">
      <span>{summary}</span>
      <span className="flex gap-2">
        {previous ? (
          <Link className={buttonClass("secondary")} href={previous.href}>
            {previous.text}
          </Link>
        ) : null}
        {next ? (
          <Link className={buttonClass("secondary")} href={next.href}>
            {next.text}
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
