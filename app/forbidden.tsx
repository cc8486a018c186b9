import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export const metadata = { title: "Not allowed" };

/** Rendered with status 403 when the guard calls forbidden(): signed in, but the role is too low. */
export default function Forbidden() {
  return (
    <main className="flex min-h-[60vh] items-center justify-center px-4">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-600">403</p>
        <h1 className="mt-1 text-xl font-semibold text-slate-900">You do not have access to this page</h1>
        <p className="mt-2 text-sm text-slate-500">Your role does not allow it. Ask an administrator if you need access.</p>
        <Link href="/overview" className={buttonClass("secondary", "mt-5")}>
          Back to the overview
        </Link>
      </div>
    </main>
  );
}
