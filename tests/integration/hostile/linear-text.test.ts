/**
 * The probes of the security review through the real preview route: 96,000 spaces after a full stop and
 * 128,000 "<" without ">", as text and as HTML, once kept a worker busy for seconds each. They must be
 * answered (2xx, or a clear 4xx), as must a body filling the limit. No time is asserted (the machine is
 * shared); `npm run bench:hostile` measures the cost per megabyte.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { POST as PREVIEW } from "@/app/api/sources/preview/route";
import { createApiToken } from "@/lib/auth/tokens";
import { createUser } from "@/lib/auth/users";
import { MAX_INGEST_BYTES } from "@/lib/ingest/limits";
import { query, resetDatabase } from "../db";

let token: string;

beforeAll(async () => {
  await resetDatabase();
  const user = await createUser({ email: "probe@example.org", password: "probe-password-123", role: "analyst" });
  token = (await createApiToken(user.id, "probe")).token;
});

function preview(body: string) {
  return PREVIEW(
    new Request("http://localhost/api/sources/preview", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body,
    }),
  );
}

/** A 2xx with the extraction, or a 4xx with a message: never a 500. */
async function expectAnswer(response: Response) {
  expect(response.status < 300 || (response.status >= 400 && response.status < 500)).toBe(true);
  const body = (await response.json()) as { message?: string; incidents?: unknown[] };
  if (response.status >= 400) expect(body.message).toEqual(expect.any(String));
  else expect(Array.isArray(body.incidents)).toBe(true);
  return { status: response.status, body };
}

describe("the security review's probes to POST /api/sources/preview", () => {
  const spaces = "Fin." + " ".repeat(96_000);
  const lessThans = "<".repeat(128_000);
  it.each([
    ["96,000 spaces after a full stop, as text", { text: spaces }],
    ["96,000 spaces after a full stop, as HTML", { html: `<p>${spaces}</p>` }],
    ["128,000 '<' without '>', as text", { text: lessThans }],
    ["128,000 '<' without '>', as HTML", { html: lessThans }],
  ])("answers %s", async (_, input) => {
    const { status } = await expectAnswer(await preview(JSON.stringify({ ...input, publishedAt: "2024-06-01" })));
    // These inputs are readable text: the preview extracts them (finding nothing), it does not refuse them.
    expect(status).toBe(200);
  }, 120_000);

  it("answers a body that fills the limit, and refuses one byte more with 413", async () => {
    const envelope = JSON.stringify({ text: "" });
    const full = JSON.stringify({ text: "<".repeat(MAX_INGEST_BYTES - envelope.length) });
    expect(Buffer.byteLength(full)).toBe(MAX_INGEST_BYTES);
    expect((await expectAnswer(await preview(full))).status).toBe(200);
    const over = JSON.stringify({ text: "<".repeat(MAX_INGEST_BYTES - envelope.length + 1) });
    expect((await expectAnswer(await preview(over))).status).toBe(413);
  }, 300_000);

  it("wrote nothing", async () => {
    const [row] = await query<{ sources: string }>("SELECT count(*) AS sources FROM source");
    expect(row!.sources).toBe("0");
  });
});
