/**
 * Reads a request body up to a byte limit without ever holding more than the limit: a declared
 * Content-Length over the limit is refused before reading, and a chunked body is cut off (and the stream
 * cancelled) as soon as it passes the limit.
 */
import { AppError } from "@/lib/errors/app-error";
import { keyedError } from "@/lib/errors/keyed";

export async function readBodyWithLimit(request: Request, limitBytes: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > limitBytes) throw tooLarge(limitBytes);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limitBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function tooLarge(limitBytes: number): AppError {
  const limit = limitBytes >= 1024 * 1024 ? `${Math.round(limitBytes / 1024 / 1024)} MB` : `${Math.round(limitBytes / 1024)} KB`;
  return keyedError("payload_too_large", "tooLarge", { limit });
}
