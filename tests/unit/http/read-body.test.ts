import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { readBodyWithLimit } from "@/lib/http/read-body";

function endlessBody(chunkSize: number) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += chunkSize;
      controller.enqueue(new Uint8Array(chunkSize));
    },
  });
  return { stream, pulled: () => pulled };
}

function request(body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  return new Request("http://localhost/api/sources", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

describe("readBodyWithLimit", () => {
  it("refuses a declared oversized body without reading any of it", async () => {
    const body = endlessBody(64 * 1024);
    const error = await readBodyWithLimit(request(body.stream, { "content-length": String(50 * 1024 * 1024) }), 5 * 1024 * 1024).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(64 * 1024 * 2); // at most what the stream buffered ahead
  });

  it("stops reading an undeclared (chunked) body as soon as it passes the limit", async () => {
    const body = endlessBody(64 * 1024);
    const limit = 1024 * 1024;
    const error = await readBodyWithLimit(request(body.stream), limit).catch((e: unknown) => e);
    expect((error as AppError).status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(limit + 3 * 64 * 1024);
  });

  it("returns a body within the limit whole", async () => {
    const text = "Sandaré, Ségou, Tombouctou";
    const buffer = await readBodyWithLimit(new Request("http://localhost", { method: "POST", body: text }), 1024);
    expect(buffer.toString("utf8")).toBe(text);
  });
});
