import { describe, expect, it } from "vitest";
import { FeedParseError, parseFeed } from "@/lib/ingest/pipeline";

describe("parseFeed on broken markup", () => {
  it("turns markup the validator accepts but the parser refuses into a FeedParseError", () => {
    // Found by the property test: "<!D" inside an element passes validation, then the parser throws.
    const xml = '<?xml version="1.0"?><rss><channel><item><title><!D</title><description><!D</description></item></channel></rss>';
    expect(() => parseFeed(xml)).toThrow(FeedParseError);
  });

  it("refuses external entities with a FeedParseError", () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss><channel><item><description>&xxe;</description></item></channel></rss>';
    expect(() => parseFeed(xml)).toThrow(FeedParseError);
  });

  it("does not expand entities declared in a DOCTYPE", () => {
    const xml =
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss><channel><item><title>t</title><description>&b;&b;&b;</description></item></channel></rss>';
    const items = parseFeed(xml);
    expect(items[0]!.text.length).toBeLessThan(50);
  });
});
