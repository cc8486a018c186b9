/** Reading sources back: the sources list and one source with its incidents and evidence. */
import "server-only";
import { prisma } from "@/lib/db/client";

export const SOURCES_PAGE_SIZE = 50;

/** What a list row and the detail page both show about a source. */
const SOURCE_SUMMARY = {
  id: true,
  title: true,
  url: true,
  publisher: true,
  publishedAt: true,
  language: true,
  ingestedAt: true,
  ingestedBy: { select: { email: true, name: true } },
} as const;

export async function listSources({ page = 1, q }: { page?: number; q?: string } = {}) {
  const where = q
    ? { OR: [{ title: { contains: q, mode: "insensitive" as const } }, { url: { contains: q, mode: "insensitive" as const } }, { publisher: { contains: q, mode: "insensitive" as const } }] }
    : {};
  const [rows, total] = await Promise.all([
    prisma.source.findMany({
      where,
      orderBy: [{ ingestedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * SOURCES_PAGE_SIZE,
      take: SOURCES_PAGE_SIZE,
      select: { ...SOURCE_SUMMARY, _count: { select: { incidents: true } } },
    }),
    prisma.source.count({ where }),
  ]);
  return { rows, total, page, pageSize: SOURCES_PAGE_SIZE };
}

export async function findSource(id: number) {
  return prisma.source.findUnique({
    where: { id },
    select: {
      ...SOURCE_SUMMARY,
      text: true,
      incidents: {
        orderBy: { incidentId: "asc" },
        select: {
          fatalities: true,
          incident: {
            select: {
              id: true,
              eventDate: true,
              datePrecision: true,
              eventType: true,
              subEventType: true,
              summary: true,
              country: true,
              admin1: true,
              location: true,
              fatalities: true,
              status: true,
              actorNames: true,
              evidence: { where: { sourceId: id }, orderBy: { start: "asc" }, select: { field: true, text: true, start: true, end: true } },
            },
          },
        },
      },
    },
  });
}

export type SourceDetail = NonNullable<Awaited<ReturnType<typeof findSource>>>;
