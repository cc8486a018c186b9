"use client";

/**
 * Filter changes are URL navigations run in a React transition: while the server renders the new rows the
 * old ones stay on screen, and whatever shares this provider (the table) can show that it is loading
 * instead of blanking. Without a provider, each caller gets its own transition.
 */
import { createContext, useCallback, useContext, useTransition, type ReactNode } from "react";
import { useRouter } from "next/navigation";

type PendingNavigation = { pending: boolean; navigate: (href: string) => void };

const Context = createContext<PendingNavigation | null>(null);

function useOwnNavigation(): PendingNavigation {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const navigate = useCallback((href: string) => startTransition(() => router.replace(href, { scroll: false })), [router]);
  return { pending, navigate };
}

export function PendingNavigationProvider({ children }: { children: ReactNode }) {
  return <Context.Provider value={useOwnNavigation()}>{children}</Context.Provider>;
}

export function usePendingNavigation(): PendingNavigation {
  const shared = useContext(Context);
  const own = useOwnNavigation();
  return shared ?? own;
}
