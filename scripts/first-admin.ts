/** Placeholder until the auth module lands: replaced by lib/auth's first-start admin. */
export async function ensureFirstAdmin(_log: (line: string) => void): Promise<void> {}
