/**
 * The one Prisma client, on the pg driver adapter. Kept on globalThis so Next's dev reloads reuse one
 * pool instead of opening a new one on every edit.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { env } from "../env";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient(): PrismaClient {
  const { DATABASE_URL: connectionString, DATABASE_POOL_SIZE } = env();
  if (!connectionString) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one");
  const adapter = new PrismaPg({ connectionString, max: DATABASE_POOL_SIZE });
  return new PrismaClient({ adapter });
}

function getClient(): PrismaClient {
  globalForPrisma.prisma ??= createClient();
  return globalForPrisma.prisma;
}

/** Created on first use, so that importing the data layer (e.g. during `next build`) needs no database. */
export const prisma = new Proxy({} as PrismaClient, {
  get: (_target, property) => {
    const client = getClient();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
