import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AdminHome } from "./admin-home.js";

describe("admin placeholder home", () => {
  it("lists the order cycle from DRAFT to ARCHIVED", () => {
    const html = renderToString(<AdminHome />);
    expect(html).toContain("DRAFT → DECLARING → OPEN");
    expect(html).toContain("ARCHIVED");
  });
});
