/**
 * Every body is capped while it is read: a declared oversized body is refused from its Content-Length
 * before a byte is read, and an undeclared one is cut off at the limit. The body here is a stream that
 * counts what was pulled from it, so "not read" is measured, not assumed.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...nextauth]/route";
import { PATCH as patchIncident } from "@/app/api/incidents/[id]/route";
import { POST as setStatus } from "@/app/api/incidents/[id]/status/route";
import { POST as createView } from "@/app/api/views/route";
import { NextRequest } from "next/server";
import { resetDatabase } from "./db";
import { signedInUser } from "./session";

const URL_BASE = "http://localhost:3000";
const MB = 1024 * 1024;

beforeEach(() => resetDatabase());

/** A 50 MB body delivered in 64 KB chunks, counting the bytes a reader pulled. */
function countingBody(totalBytes = 50 * MB) {
  const counter = { pulled: 0 };
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= totalBytes) return controller.close();
      counter.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, counter };
}

function bigRequest(path: string, cookie: string | null, contentType: string, declare: boolean) {
  const { stream, counter } = countingBody();
  const headers: Record<string, string> = { "content-type": contentType };
  if (cookie) headers.cookie = cookie;
  if (declare) headers["content-length"] = String(50 * MB);
  const init = { method: "POST", headers, body: stream, duplex: "half" } as unknown as ConstructorParameters<typeof NextRequest>[1];
  const request = new NextRequest(`${URL_BASE}${path}`, init);
  return { request, counter };
}

describe("request bodies", () => {
  it("next-auth's sign-in answers 413 to a declared 50 MB body without reading it, and cuts an undeclared one off", async () => {
    const declared = bigRequest("/api/auth/callback/credentials", null, "application/x-www-form-urlencoded", true);
    const context = { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) };
    expect((await authPost(declared.request, context)).status).toBe(413);
    expect(declared.counter.pulled).toBeLessThanOrEqual(64 * 1024);
    const streamed = bigRequest("/api/auth/callback/credentials", null, "application/x-www-form-urlencoded", false);
    expect((await authPost(streamed.request, context)).status).toBe(413);
    expect(streamed.counter.pulled).toBeLessThan(MB);
  });

  it("saved views, incident edits and status changes answer 413 to a 50 MB body after reading at most the limit", async () => {
    const analyst = await signedInUser("analyst");
    const params = { params: Promise.resolve({ id: "1" }) };
    const calls = [
      (request: NextRequest) => createView(request),
      (request: NextRequest) => setStatus(request, params),
      (request: NextRequest) => patchIncident(request, params),
    ];
    const paths = ["/api/views", "/api/incidents/1/status", "/api/incidents/1"];
    for (const [index, call] of calls.entries()) {
      for (const declare of [true, false]) {
        const { request, counter } = bigRequest(paths[index], analyst.cookie, "application/json", declare);
        const response = await call(request);
        expect(response.status, `${paths[index]} declared=${declare}`).toBe(413);
        expect(counter.pulled, `${paths[index]} declared=${declare}`).toBeLessThan(declare ? 64 * 1024 + 1 : MB);
      }
    }
  });
});
