"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import type { PaginationState } from "./data-table";

/**
 * DataTable pagination kept in the URL's `page` parameter (1-based, absent on the first page), for a list
 * whose server page reads it: a page of the list is a link like any other view.
 */
export function useUrlPagination(page: number, pageSize: number) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  return {
    pagination: { pageIndex: page - 1, pageSize },
    onPaginationChange: (next: PaginationState) => {
      const params = new URLSearchParams(searchParams?.toString());
      if (next.pageIndex === 0) params.delete("page");
      else params.set("page", String(next.pageIndex + 1));
      router.push(`${pathname}?${params}`);
    },
  };
}
