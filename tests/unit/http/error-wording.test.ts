/** The wording of error messages in the caller's language: keyed messages, and English messages matched against templates. */
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { keyedError } from "@/lib/errors/keyed";
import { errorWording } from "@/lib/errors/localize";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";

describe("error wording", () => {
  it("leaves English messages exactly as they were thrown", async () => {
    const words = await errorWording("en");
    const message = "from: is not a real calendar date; regoin: unknown parameter (known: country)";
    expect(words.message(new AppError("bad_request", message))).toBe(message);
    expect(words.message(keyedError("forbidden", "roleTooLow", { required: "analyst", role: "viewer" }))).toBe("This needs the analyst role; you are viewer");
  });

  it("words a keyed error from its key, with its values", async () => {
    const words = await errorWording("fr");
    expect(words.message(keyedError("forbidden", "roleTooLow", { required: "analyst", role: "viewer" }))).toBe("Il faut le rôle analyst ; vous avez le rôle viewer");
    expect(words.message(keyedError("not_found", "idNotFound", { what: "watch", id: 12 }))).toBe("La veille 12 n’existe pas");
  });

  it("translates each issue of a validation list and keeps the parameter names", async () => {
    const words = await errorWording("fr");
    const error = new AppError("bad_request", "from: is not a real calendar date; regoin: unknown parameter (known: country, admin1)");
    expect(words.message(error)).toBe("from: n’est pas une date réelle du calendrier; regoin: paramètre inconnu (connus : country, admin1)");
  });

  it("prefers the most specific template and carries its values over", async () => {
    const words = await errorWording("fr");
    expect(words.known("must be one of 1, 2, 3 (ACLED actor type)")).toBe("doit être l’une des valeurs 1, 2, 3 (ACLED actor type)");
    expect(words.known("must be one of week, month")).toBe("doit être l’une des valeurs week, month");
  });

  it("leaves a message that no template matches in English rather than guess", async () => {
    const words = await errorWording("fr");
    expect(words.known("the feed answered 418")).toBe("the feed answered 418");
    expect(words.message(new AppError("conflict", "This incident was changed by someone else"))).toBe("This incident was changed by someone else");
  });

  it("matches every English template against its own wording, so each French one is reachable", async () => {
    const words = await errorWording("fr");
    const unreachable = Object.entries(en.apiErrors.templates).filter(([key, text]) => {
      const filled = text.replace(/\{(\w+)\}/g, "X");
      const expected = (fr.apiErrors.templates as Record<string, string>)[key]!.replace(/\{(\w+)\}/g, "X");
      return words.known(filled) !== expected;
    });
    expect(unreachable).toEqual([]);
  });
});

describe("a feed's stored error, worded for the page", () => {
  it("is French for a French reader, the parameter and the host kept as they are", async () => {
    const words = await errorWording("fr");
    expect(words.knownList("could not be reached")).toBe("n’a pas pu être joint");
    expect(words.knownList("the feed answered HTTP 503")).toBe("le flux a répondu HTTP 503");
    expect(words.knownList("feedUrl: refused: 127.0.0.1 is a loopback address")).toBe("feedUrl: refusé : 127.0.0.1 est une adresse interdite (loopback address)");
    expect((await errorWording("en")).knownList("could not be reached")).toBe("could not be reached");
  });
});
