/**
 * The API's error messages speak the caller's language (the saved choice, else Accept-Language, else
 * English) while the machine-readable parts (`error`, `details[].parameter`) stay the same in every
 * language. Route handlers are called directly with real sessions and tokens.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getIncident } from "@/app/api/incidents/[id]/route";
import { GET as listIncidents } from "@/app/api/incidents/route";
import { DELETE as revokeToken } from "@/app/api/tokens/[id]/route";
import { setUserLocale } from "@/lib/auth/users";
import { resetDatabase } from "../db";
import { signedInUser, withCookie, withToken, type Caller } from "../session";

const url = (path: string) => `http://localhost:3000${path}`;
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const inFrench = (init: RequestInit): RequestInit => ({ ...init, headers: { ...(init.headers as Record<string, string>), "accept-language": "fr-FR,fr;q=0.9" } });

let viewer: Caller;
beforeAll(async () => {
  await resetDatabase();
  viewer = await signedInUser("viewer");
});

async function answer(response: Response) {
  return { status: response.status, body: (await response.json()) as { error: string; message: string; details?: { parameter: string; message: string }[] } };
}

describe("a filter that names an impossible day (?from=2025-02-31)", () => {
  it("is refused in French for a caller whose browser asks for French", async () => {
    const { status, body } = await answer(await listIncidents(new Request(url("/api/incidents?from=2025-02-31"), inFrench(withToken(viewer.token)))));
    expect(status).toBe(400);
    expect(body.error).toBe("bad_request");
    expect(body.message).toBe("from: n’est pas une date réelle du calendrier");
    expect(body.details).toEqual([{ parameter: "from", message: "n’est pas une date réelle du calendrier" }]);
  });

  it("is refused in English without Accept-Language, with the same code and parameter", async () => {
    const { status, body } = await answer(await listIncidents(new Request(url("/api/incidents?from=2025-02-31"), withToken(viewer.token))));
    expect(status).toBe(400);
    expect(body.error).toBe("bad_request");
    expect(body.message).toBe("from: is not a real calendar date");
    expect(body.details).toEqual([{ parameter: "from", message: "is not a real calendar date" }]);
  });

  it("words every issue of a request with several, and leaves parameter names untranslated", async () => {
    const { body } = await answer(await listIncidents(new Request(url("/api/incidents?regoin=Kayes&page=0"), inFrench(withCookie(viewer.cookie)))));
    expect(body.message).toMatch(/^regoin: paramètre inconnu \(connus : country, .*\); page: doit être 1 ou plus$/);
    expect(body.details?.map((issue) => issue.parameter)).toEqual(["regoin", "page"]);
  });
});

describe("an incident that does not exist", () => {
  it("is a 404 in French for a French browser and in English otherwise", async () => {
    const french = await answer(await getIncident(new Request(url("/api/incidents/987654"), inFrench(withToken(viewer.token))), params("987654")));
    expect(french).toEqual({ status: 404, body: { error: "not_found", message: "L’incident 987654 n’existe pas" } });
    const english = await answer(await getIncident(new Request(url("/api/incidents/987654"), withToken(viewer.token)), params("987654")));
    expect(english).toEqual({ status: 404, body: { error: "not_found", message: "Incident 987654 does not exist" } });
  });

  it("is worded in French too when it is a malformed token id (answered as a missing token)", async () => {
    const { status, body } = await answer(await revokeToken(new Request(url("/api/tokens/abc"), inFrench({ ...withCookie(viewer.cookie), method: "DELETE" })), params("abc")));
    expect(status).toBe(404);
    expect(body).toEqual({ error: "not_found", message: "Le jeton abc n’existe pas" });
  });
});

describe("the caller's language", () => {
  it("is the user's saved choice before the browser's, by session and by token alike", async () => {
    const reader = await signedInUser("viewer");
    await setUserLocale(reader.user.id, "fr");
    const english = { headers: { "accept-language": "en" } };
    for (const init of [withToken(reader.token, english), withCookie(reader.cookie, english)]) {
      const { body } = await answer(await getIncident(new Request(url("/api/incidents/987654"), init), params("987654")));
      expect(body.message).toBe("L’incident 987654 n’existe pas");
    }
  });

  it("is the browser's for an anonymous caller, whose refusal keeps its code", async () => {
    const { status, body } = await answer(await listIncidents(new Request(url("/api/incidents"), inFrench({}))));
    expect(status).toBe(401);
    expect(body).toEqual({ error: "unauthorized", message: "Connectez-vous ou envoyez un jeton d’API pour utiliser ce point d’accès" });
  });

  it("falls back to English for a language Vigie does not speak", async () => {
    const { body } = await answer(await listIncidents(new Request(url("/api/incidents"), { headers: { "accept-language": "de-DE" } })));
    expect(body.message).toBe("Sign in or send an API token to use this endpoint");
  });
});
