import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { article, startFeedServer, type FeedServer } from "../integration/feeds/feed-server";
import { createTestUser, signInWithForm } from "./auth-helpers";
import { launchBrowser } from "./browser";

const baseUrl = inject("baseUrl");
let browser: Browser;
let feeds: FeedServer;

beforeAll(async () => {
  feeds = await startFeedServer(inject("feedServerPort"));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await feeds?.close();
});

const signIn = (page: Page, email: string) => signInWithForm(page, baseUrl, email);

describe("the Feeds page", () => {
  it("adds a feed by URL, shows its title, and its articles become incidents without anyone asking", async () => {
    feeds.feeds.set("/feed/e2e", [article(40, "e2e"), article(41, "e2e")]);
    const user = await createTestUser("analyst");
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, user.email);
    // Opening the incidents list is the visit the header's "new" count runs from.
    await page.goto(`${baseUrl}/incidents`);
    await page.getByTestId("incident-total").waitFor();
    await page.getByRole("link", { name: "Feeds" }).click();
    await page.waitForURL(/\/feeds$/);

    // A URL that is not a feed is refused with the reason, and nothing is added.
    await page.getByLabel("Feed URL (RSS or Atom)").fill(`${feeds.base}/missing`);
    await page.getByRole("button", { name: "Add feed" }).click();
    await page.getByRole("alert").filter({ hasText: "HTTP 404" }).waitFor();

    await page.getByLabel("Feed URL (RSS or Atom)").fill(`${feeds.base}/feed/e2e`);
    await page.getByLabel("Every").selectOption("1");
    await page.getByRole("button", { name: "Add feed" }).click();
    await page.getByRole("status").filter({ hasText: "Subscribed to Feed /feed/e2e" }).waitFor();
    await page.getByRole("cell", { name: /Feed \/feed\/e2e/ }).waitFor();

    // The poller (its own process in the server's cluster) takes the feed within seconds.
    const deadline = Date.now() + 60_000;
    let incidents = "0";
    while (Date.now() < deadline && incidents !== "2") {
      await page.waitForTimeout(1000);
      await page.reload();
      incidents = (await page.getByTestId("feed-incidents").first().textContent()) ?? "0";
    }
    expect(incidents).toBe("2");
    expect(await page.getByTestId("feed-items").first().textContent()).toBe("2");
    await page.screenshot({ path: "/tmp/vigie-feeds.png", fullPage: true });

    // The header says two incidents arrived since the last visit, and leads to exactly them.
    await page.getByTestId("new-incidents").filter({ hasText: "2 new" }).click();
    await page.waitForURL(/\/incidents\?since=/);
    expect((await page.getByTestId("incident-total").textContent())?.replace(/\s+/g, " ")).toMatch(/^2 incidents/);
    await page.getByTestId("since-filter").waitFor();

    // The site then loses the feed: the page says so in words at the next poll, which resuming a paused
    // feed brings forward.
    feeds.feeds.delete("/feed/e2e");
    await page.goto(`${baseUrl}/feeds`);
    await page.getByRole("button", { name: "Pause" }).click();
    await page.getByText("Paused", { exact: true }).waitFor();
    await page.getByRole("button", { name: "Resume" }).click();
    await page.getByRole("button", { name: "Pause" }).waitFor();
    const failing = Date.now() + 45_000;
    while (Date.now() < failing && !(await page.getByTestId("feed-error").count())) {
      await page.waitForTimeout(2000);
      await page.reload();
    }
    expect(await page.getByTestId("feed-error").first().textContent()).toBe("the feed is gone (HTTP 404)");
    await page.screenshot({ path: "/tmp/vigie-feeds-error.png", fullPage: true });
    await page.close();
  });

  it("lets a viewer read the feeds but not change them", async () => {
    const user = await createTestUser("viewer");
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, user.email);
    await page.goto(`${baseUrl}/feeds`);
    await page.getByRole("heading", { name: "Feeds" }).waitFor();
    expect(await page.getByRole("button", { name: "Add feed" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Pause" }).count()).toBe(0);
    await page.close();
  });
});
