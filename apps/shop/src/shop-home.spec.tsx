import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ShopHome } from "./shop-home.js";

describe("shop placeholder home", () => {
  it("shows the 2011 egg price as ¥16.00, formatted by the domain package", () => {
    expect(renderToString(<ShopHome />)).toContain("¥16.00");
  });
});
