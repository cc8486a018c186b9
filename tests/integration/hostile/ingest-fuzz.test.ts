/**
 * Thousands of generated, mostly malformed inputs to the ingest API and the feed parser: always a 2xx or
 * a clear 4xx with a message, never a 500, never a partial write.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/sources/route";
import { createApiToken } from "@/lib/auth/tokens";
import { createUser } from "@/lib/auth/users";
import { FeedParseError, parseFeed } from "@/lib/ingest/pipeline";
import { query, resetDatabase } from "../db";

let token: string;

beforeAll(async () => {
  await resetDatabase();
  const user = await createUser({ email: "fuzz@example.org", password: "fuzz-password-123", role: "analyst" });
  token = (await createApiToken(user.id, "fuzz")).token;
});

function send(body: BodyInit, contentType = "application/json") {
  return POST(
    new Request("http://localhost/api/sources", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": contentType },
      body,
    }),
  );
}

async function expectCleanAnswer(response: Response) {
  expect(response.status === 200 || response.status === 201 || (response.status >= 400 && response.status < 500)).toBe(true);
  const body = (await response.json()) as { message?: string };
  if (response.status >= 400) expect(typeof body.message).toBe("string");
}

const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
const field = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom("", "   ", "\u0000", "2025-13-45", "not-a-url", "javascript:alert(1)", "<script>alert(1)</script>"),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);
const articleLike = fc.record(
  { text: field, html: field, url: field, title: field, publishedAt: field, language: field, publisher: field, extra: field },
  { requiredKeys: [] },
);

describe("hostile input to POST /api/sources", () => {
  it("answers every generated JSON document cleanly", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(articleLike, fc.jsonValue({ maxDepth: 4 })), async (value) => {
        await expectCleanAnswer(await send(JSON.stringify(value)));
      }),
      { numRuns: 1500 },
    );
  });

  it("answers random bytes, broken JSON and deep nesting cleanly", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 2000 }).map((bytes) => new Blob([bytes])),
          fc.string({ maxLength: 500 }),
          fc.integer({ min: 1, max: 200_000 }).map(nested),
        ),
        fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"),
        async (body, contentType) => {
          await expectCleanAnswer(await send(body, contentType));
        },
      ),
      { numRuns: 800 },
    );
  });

  it("answers random uploads cleanly", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 3000 }), fc.string({ maxLength: 3000 }).map((s) => new TextEncoder().encode(s))), fc.string({ maxLength: 40 }), async (bytes, name) => {
        const form = new FormData();
        form.set("file", new File([bytes], name || "upload"));
        const response = await POST(new Request("http://localhost/api/sources", { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form }));
        await expectCleanAnswer(response);
      }),
      { numRuns: 500 },
    );
  });

  it("left no partial write behind", async () => {
    const orphans = await query<{ incidents: string; sources: string }>(
      `SELECT (SELECT count(*) FROM incident i WHERE NOT EXISTS (SELECT 1 FROM incident_source l WHERE l.incident_id = i.id)) AS incidents,
              (SELECT count(*) FROM source s WHERE s.text = '' ) AS sources`,
    );
    expect(orphans[0]).toEqual({ incidents: "0", sources: "0" });
    const evidence = await query<{ bad: string }>(
      `SELECT count(*) AS bad FROM evidence e JOIN source s ON s.id = e.source_id WHERE substr(s.text, e.start + 1, e."end" - e.start) <> e.text`,
    );
    expect(evidence[0]!.bad).toBe("0");
  });
});

describe("hostile input to the feed parser", () => {
  it("returns items or throws FeedParseError, nothing else", () => {
    const xmlish = fc.oneof(
      fc.string({ maxLength: 500 }),
      fc.string({ maxLength: 200 }).map((s) => `<?xml version="1.0"?><rss><channel><item><title>${s}</title><description>${s}</description></item></channel></rss>`),
      fc.string({ maxLength: 200 }).map((s) => `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>${s}</title><content>${s}</content></entry></feed>`),
      fc.constantFrom('<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss><channel><item><title>&b;</title></item></channel></rss>', "<rss>", "<rss><channel><item></rss>"),
    );
    fc.assert(
      fc.property(xmlish, (xml) => {
        try {
          const items = parseFeed(xml);
          expect(Array.isArray(items)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(FeedParseError);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
