"use client";

import { useEffect, useState } from "react";
import type { FilterOptions } from "@/lib/incidents/types";

/** One request per page load, shared by every filter bar; a failed one is retried on the next mount. */
let pending: Promise<FilterOptions> | null = null;

function loadFilterOptions(): Promise<FilterOptions> {
  pending ??= fetch("/api/incidents/filter-options", { credentials: "same-origin" })
    .then((response) => {
      if (!response.ok) throw new Error(`filter options: ${response.status}`);
      return response.json() as Promise<FilterOptions>;
    })
    .catch((error: unknown) => {
      pending = null;
      throw error;
    });
  return pending;
}

export type FilterOptionsState = { options: FilterOptions | null; error: boolean };

/** The pickers' choices, fetched after the page is shown (the page itself does not carry them). */
export function useFilterOptions(): FilterOptionsState {
  const [state, setState] = useState<FilterOptionsState>({ options: null, error: false });
  useEffect(() => {
    let live = true;
    loadFilterOptions().then(
      (options) => live && setState({ options, error: false }),
      () => live && setState({ options: null, error: true }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
