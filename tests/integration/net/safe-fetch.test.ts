/**
 * The guarded outbound client against a real local HTTP server: every spelling of an internal address is
 * refused before a connection is made, redirects are checked hop by hop, and FEED_ALLOWED_HOSTS opens
 * exactly the host:port it names.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { OutboundError, safeFetch } from "@/lib/net/safe-fetch";

let server: Server;
let port: number;
const seen: IncomingMessage[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push(request);
    const path = request.url ?? "/";
    if (path === "/secret") return void response.writeHead(200).end("internal-secret-banner");
    if (path === "/to-loopback") return void response.writeHead(302, { location: `http://127.0.0.1:${port}/secret` }).end();
    if (path === "/to-self") return void response.writeHead(301, { location: `http://localhost:${port}/secret` }).end();
    if (path.startsWith("/loop/")) return void response.writeHead(302, { location: `/loop/${Number(path.slice(6)) + 1}` }).end();
    if (path === "/to-file") return void response.writeHead(302, { location: "file:///etc/passwd" }).end();
    if (path === "/stall") {
      response.writeHead(200, { "content-type": "text/xml" });
      response.write("<rss><channel>");
      return; // never ends
    }
    if (path === "/big") {
      response.writeHead(200);
      response.end("y".repeat(200_000));
      return;
    }
    if (path === "/host") return void response.writeHead(200).end(request.headers.host ?? "");
    response.writeHead(404).end();
  });
  // Dual stack, so the IPv6 spellings of loopback would reach it if they were not refused.
  await new Promise<void>((resolve) => server.listen(0, "::", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  seen.length = 0;
});

const get = (url: string, options: Partial<Parameters<typeof safeFetch>[1]> = {}) => safeFetch(url, { maxBytes: 100_000, allowedHosts: [], ...options });

async function refusal(url: string, options: Partial<Parameters<typeof safeFetch>[1]> = {}): Promise<OutboundError> {
  const error = await get(url, options).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(OutboundError);
  return error as OutboundError;
}

describe("safeFetch refuses internal addresses", () => {
  const forms = (p: () => number) => [
    `http://127.0.0.1:${p()}/secret`,
    `http://localhost:${p()}/secret`,
    `http://[::1]:${p()}/secret`,
    `http://[::ffff:127.0.0.1]:${p()}/secret`,
    `http://0.0.0.0:${p()}/secret`,
    `http://2130706433:${p()}/secret`,
    `http://127.1:${p()}/secret`,
    `http://0x7f000001:${p()}/secret`,
    `http://0177.0.0.1:${p()}/secret`,
    `http://169.254.169.254/latest/meta-data/`,
    `http://10.0.0.1/`,
    `http://192.168.1.1/`,
    `http://172.16.5.4/`,
    `http://100.64.0.1/`,
    `http://[fc00::1]/`,
    `http://[fe80::1]/`,
    `http://224.0.0.1/`,
    `http://[::]:${p()}/secret`,
  ];

  it("refuses every spelling of loopback, private, link-local, multicast and unspecified without connecting", async () => {
    for (const url of forms(() => port)) {
      const error = await refusal(url);
      expect(error.reason, url).toBe("refused");
      expect(error.status, url).toBe(400);
      expect(error.message, url).toMatch(/refused: .* (loopback|private|link-local|multicast|unspecified) address/);
      expect(error.message).not.toContain("internal-secret-banner");
    }
    expect(seen).toHaveLength(0);
  });

  it("refuses a redirect to 127.0.0.1 from an allowed host, and never requests it", async () => {
    const error = await refusal(`http://localhost:${port}/to-loopback`, { allowedHosts: [`localhost:${port}`] });
    expect(error.reason).toBe("refused");
    expect(error.message).toMatch(/loopback address/);
    expect(seen.map((request) => request.url)).toEqual(["/to-loopback"]);
  });

  it("refuses redirects to non-http(s) URLs and chains longer than five hops", async () => {
    const allowedHosts = [`localhost:${port}`];
    expect((await refusal(`http://localhost:${port}/to-file`, { allowedHosts })).message).toMatch(/non-http\(s\)/);
    const loop = await refusal(`http://localhost:${port}/loop/0`, { allowedHosts });
    expect(loop.reason).toBe("too_many_redirects");
    expect(seen.filter((request) => request.url?.startsWith("/loop/"))).toHaveLength(6);
  });

  it("refuses non-http schemes and credentials in the URL", async () => {
    expect((await refusal("file:///etc/passwd")).reason).toBe("invalid_url");
    expect((await refusal("gopher://example.org/")).reason).toBe("invalid_url");
    expect((await refusal(`http://user:pw@localhost:${port}/`, { allowedHosts: [`localhost:${port}`] })).reason).toBe("invalid_url");
  });
});

describe("FEED_ALLOWED_HOSTS", () => {
  it("opens the host:port it names, follows redirects within it, and nothing else", async () => {
    process.env.FEED_ALLOWED_HOSTS = `localhost:${port}, intranet.example`;
    try {
      const response = await safeFetch(`http://localhost:${port}/to-self`, { maxBytes: 1000 });
      expect(response.status).toBe(200);
      expect(response.body.toString()).toBe("internal-secret-banner");
      expect(response.url).toBe(`http://localhost:${port}/secret`);
      // Same host, other port: not named, so refused.
      expect((await safeFetch(`http://localhost:${port + 1}/`, { maxBytes: 1000 }).catch((error: OutboundError) => error)) as OutboundError).toMatchObject({ reason: "refused" });
    } finally {
      delete process.env.FEED_ALLOWED_HOSTS;
    }
    expect((await refusal(`http://localhost:${port}/secret`, { allowedHosts: undefined })).reason).toBe("refused");
  });

  it("connects to the address it resolved once, not to a second lookup's answer", async () => {
    let lookups = 0;
    // rebind.invalid resolves nowhere else: the request can only land if the checked address is the one used.
    const resolve = async () => {
      lookups++;
      return [{ address: "127.0.0.1", family: 4 }];
    };
    const response = await get(`http://rebind.invalid:${port}/host`, { allowedHosts: [`rebind.invalid:${port}`], resolve });
    expect(response.body.toString()).toBe(`rebind.invalid:${port}`);
    expect(lookups).toBe(1);
    const refused = await refusal(`http://rebind.invalid:${port}/host`, { resolve });
    expect(refused.message).toMatch(/loopback address/);
  });
});

describe("safeFetch bounds", () => {
  const allowedHosts = () => [`localhost:${port}`];

  it("gives up on a body that stalls half way with a timeout error, not a hang", async () => {
    const error = await refusal(`http://localhost:${port}/stall`, { allowedHosts: allowedHosts(), timeoutMs: 1500 });
    expect(error.reason).toBe("timeout");
    expect(error.status).toBe(400);
  });

  it("stops reading past the size cap", async () => {
    const error = await refusal(`http://localhost:${port}/big`, { allowedHosts: allowedHosts(), maxBytes: 50_000 });
    expect(error.reason).toBe("too_large");
    expect(error.status).toBe(413);
  });

  it("reports an unreachable port without saying what answered", async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const closed = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const error = await refusal(`http://localhost:${closed}/`, { allowedHosts: [`localhost:${closed}`] });
    expect(error.reason).toBe("unreachable");
    expect(error.message).not.toMatch(/ECONNREFUSED/);
  });
});
