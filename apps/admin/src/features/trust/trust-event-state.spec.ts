import { describe, expect, it } from "vitest";
import { eventState } from "./trust-event-list.js";

describe("where a trust event stands", () => {
  // 2026-11-29 12:00 Beijing = 04:00 UTC.
  const now = Date.parse("2026-11-29T04:00:00Z");

  it("is held once it has ended, planned until then, cancelled whatever the time", () => {
    expect(eventState({ endsAt: "2026-11-29T03:59:00Z" }, now)).toBe("held");
    expect(eventState({ endsAt: "2026-11-29T04:00:00Z" }, now)).toBe("planned");
    expect(
      eventState({ endsAt: "2026-11-29T03:00:00Z", cancelledAt: "2026-11-01T00:00:00Z" }, now),
    ).toBe("cancelled");
  });
});
