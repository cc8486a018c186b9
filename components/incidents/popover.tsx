"use client";

import { useCallback, useRef, useState, type ReactNode } from "react";
import { useDismiss } from "@/components/ui/use-dismiss";
import { buttonClass } from "@/components/ui/button";

/** A button with a small panel under it that closes on outside click or Escape. */
export function Popover({ label, children, align = "right", testId }: { label: ReactNode; children: (close: () => void) => ReactNode; align?: "left" | "right"; testId?: string }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(ref, open, close);
  return (
    <div ref={ref} className="relative">
      <button type="button" aria-expanded={open} data-testid={testId} onClick={() => setOpen((value) => !value)} className={buttonClass("secondary")}>
        {label}
      </button>
      {open ? (
        <div className={`absolute z-40 mt-1 w-72 rounded-md border border-slate-200 bg-white p-3 text-sm shadow-lg ${align === "right" ? "right-0" : "left-0"}`}>
          {children(close)}
        </div>
      ) : null}
    </div>
  );
}
