/** The outcome of a row's action, announced above its table. */
export function TableMessage({ children }: { children: string | null }) {
  if (!children) return null;
  return (
    <p role="status" className="rounded-md bg-brand-50 px-3 py-1.5 text-sm text-brand-800">
      {children}
    </p>
  );
}
