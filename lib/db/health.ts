import "server-only";
import { prisma } from "./client";

/** True when the database answers a trivial query within the timeout. */
export async function checkDatabase(timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    const query = prisma.$queryRaw`SELECT 1`.then(() => true as const).catch(() => false as const);
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
