import { formatFen, percent } from "@nested/domain";
import { adminGraphql, seriousViolations, shopGraphql, unmarkedChinese } from "@nested/e2e-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AdminE2E, DEMO_PASSWORD, startAdminE2E } from "./support.js";

let run: AdminE2E;
let adminToken: string;

beforeAll(async () => {
  run = await startAdminE2E();
  await run.context.grantPermissions(["clipboard-read", "clipboard-write"], {
    origin: run.server.origin,
  });
  // Every confirm() (cancel, remove, deactivate, revoke) is answered "yes".
  run.page.on("dialog", (dialog) => void dialog.accept());
  adminToken = await run.adminToken("admin@demo.nested.market");
  await run.signIn("admin@demo.nested.market");
}, 120_000);
afterAll(async () => {
  await run?.close();
});

/**
 * Chinese on an English page that is not marked as such, leaving out the header's signed-in line
 * (the demo admin's name, drawn by the frame).
 */
async function unmarked(): Promise<string[]> {
  return (await unmarkedChinese(run.page)).filter((text) => !text.startsWith("系统管理员"));
}

/** The text of the page's alerts, joined (refusals are role="alert"). */
async function alerts(): Promise<string> {
  return (await run.page.getByRole("alert").allTextContents()).join(" ");
}

/** The text of the page's status lines, joined ("saved" notices are role="status"). */
async function statuses(): Promise<string> {
  return (await run.page.getByRole("status").allTextContents()).join(" ");
}

describe("trust events", () => {
  it("creates a village visit in Beijing time, keeping a refused form, and records attendance", async () => {
    const { page } = run;
    await page.goto(run.url("/trust-events"));
    await page.getByRole("heading", { name: "信任活动" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await run.shot("registers-01-trust-events-zh");

    await page.getByRole("link", { name: "新建活动" }).click();
    await page.locator('input[name="titleZh"]').fill("冬季村访：看柴鸡过冬");
    await page.locator('input[name="startsAt"]').fill("2027-01-09T09:30");
    // Ends before it starts: the API refuses in words and nothing typed is lost.
    await page.locator('input[name="endsAt"]').fill("2027-01-09T08:00");
    await page.locator('input[name="capacity"]').fill("12");
    await page.getByRole("button", { name: "创建活动" }).click();
    await expect.poll(alerts).toContain("结束时间必须晚于开始时间");
    expect(await page.locator('input[name="titleZh"]').inputValue()).toBe("冬季村访：看柴鸡过冬");
    expect(await page.locator('input[name="capacity"]').inputValue()).toBe("12");

    await page.locator('input[name="endsAt"]').fill("2027-01-09T15:00");
    await page.getByRole("button", { name: "创建活动" }).click();
    await page.getByRole("heading", { name: "冬季村访：看柴鸡过冬" }).waitFor();
    const eventId = page.url().split("/").pop() ?? "";
    // Typed as Beijing time: 09:30 − 8 h = 01:30 UTC; 15:00 − 8 h = 07:00 UTC.
    const stored = await run.admin<{
      trustEvent: { startsAt: string; endsAt: string; capacity: number };
    }>(
      adminToken,
      `query($id: ID!) { trustEvent(id: $id) { ... on TrustEvent { startsAt endsAt capacity } } }`,
      { id: eventId },
    );
    expect(stored.trustEvent).toEqual({
      startsAt: "2027-01-09T01:30:00.000Z",
      endsAt: "2027-01-09T07:00:00.000Z",
      capacity: 12,
    });
    expect(await page.locator("main").textContent()).toContain("09:30");

    // Two households of the group take part.
    const ticks = page.locator("fieldset.check-grid input[type=checkbox]");
    await ticks.nth(0).check();
    await ticks.nth(1).check();
    await page.getByRole("button", { name: "保存参与农户" }).click();
    await expect.poll(statuses).toContain("参与农户已保存");

    // A Sanggang consumer household signs up for three people in the shop.
    const consumer = await shopGraphql<{ signIn: { token: string } }>(
      run.server.origin,
      `mutation($p: String!) { signIn(input: { login: "c0001@demo.nested.market", password: $p, tokenDelivery: BEARER }) { ... on SignedIn { token } } }`,
      { p: DEMO_PASSWORD },
    );
    const signUp = await shopGraphql<{ signUpForVisit: { __typename: string } }>(
      run.server.origin,
      `mutation($id: ID!) { signUpForVisit(trustEventId: $id, people: 3) { __typename } }`,
      { id: eventId },
      consumer.signIn.token,
    );
    expect(signUp.signUpForVisit.__typename).toBe("VisitSignUp");

    await page.reload();
    await page.getByRole("heading", { name: "消费者报名与到场" }).waitFor();
    const row = page.locator('section[aria-labelledby="event-attendance"] tbody tr');
    expect(await row.locator("td").allTextContents()).toEqual([
      expect.any(String),
      "3",
      "已报名",
      "",
    ]);
    await row.getByRole("checkbox").check();
    // Before the visit starts, attendance is refused in words and the tick stays.
    await page.getByRole("button", { name: "保存到场记录" }).click();
    await expect.poll(alerts).toContain("活动开始以后才能记录出席情况");
    expect(await row.getByRole("checkbox").isChecked()).toBe(true);

    // The visit was moved to today: it started an hour ago (Beijing time) and ends in two hours.
    const beijing = (offsetMs: number) =>
      new Date(Date.now() + offsetMs + 8 * 3600_000).toISOString().slice(0, 16);
    await page.locator('input[name="startsAt"]').fill(beijing(-3600_000));
    await page.locator('input[name="endsAt"]').fill(beijing(2 * 3600_000));
    await page.getByRole("button", { name: "保存修改" }).click();
    await expect.poll(statuses).toContain("已保存");
    await page.getByRole("button", { name: "保存到场记录" }).click();
    await expect.poll(statuses).toContain("到场记录已保存");
    await expect.poll(() => row.locator("td").nth(2).textContent()).toBe("已到场");
    expect(await seriousViolations(page)).toEqual([]);
    await run.shot("registers-02-trust-event-attendance");
    const after = await run.admin<{
      trustEvent: { signUps: { state: string; people: number }[]; households: unknown[] };
    }>(
      adminToken,
      `query($id: ID!) { trustEvent(id: $id) { ... on TrustEvent { signUps { state people } households { id } } } }`,
      { id: eventId },
    );
    expect(after.trustEvent.signUps).toEqual([{ state: "ATTENDED", people: 3 }]);
    expect(after.trustEvent.households).toHaveLength(2);
  });
});

describe("products and prices", () => {
  it("creates a product and a variant, and records a market price in yuan", async () => {
    const { page } = run;
    await page.goto(run.url("/catalog"));
    await page.getByRole("heading", { name: "产品与价格" }).waitFor();
    await page.locator("table tbody tr").first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await run.shot("registers-03-catalog-zh");

    await page.getByRole("link", { name: "新建产品" }).click();
    await page.locator('input[name="nameZh"]').fill("太行山药");
    await page.locator('input[name="nameEn"]').fill("Taihang yam");
    await page.locator('select[name="category"]').selectOption("TUBERS");
    await page.getByRole("checkbox", { name: "10月" }).check();
    await page.getByRole("checkbox", { name: "11月" }).check();
    await page.getByRole("button", { name: "创建产品" }).click();
    await page.getByRole("heading", { name: "太行山药" }).waitFor();

    await page.locator('input[name="variantNameZh"]').fill("山药 2斤装");
    await page.locator('input[name="variantNameEn"]').fill("Yam, 2 jin");
    await page.locator('select[name="unit"]').selectOption("BAG");
    await page.locator('input[name="grams"]').fill("1000");
    await page.locator('input[name="maxPerOrder"]').fill("4");
    await page.getByRole("button", { name: "新增规格" }).click();
    const variantRow = page.locator("table tbody tr").filter({ hasText: "山药 2斤装" });
    await variantRow.waitFor();
    expect(await variantRow.locator("td").allTextContents()).toEqual([
      "山药 2斤装",
      "袋",
      "1000",
      "4",
      "—",
      "修改删除",
    ]);

    // A price that is not a price is refused in words; what was typed stays.
    await page.locator('input[name="market"]').fill("坡仓乡集市");
    await page.locator('input[name="observedOn"]').fill("2026-11-28");
    await page.locator('input[name="source"]').fill("工作人员赶集记录");
    await page.locator('input[name="priceText"]').fill("十二块");
    await page.getByRole("button", { name: "记录参考价" }).click();
    await expect.poll(alerts).toContain("十二块");
    expect(await page.locator('input[name="market"]').inputValue()).toBe("坡仓乡集市");
    expect(await page.locator('input[name="priceText"]').inputValue()).toBe("十二块");

    await page.locator('input[name="priceText"]').fill("12.5");
    await page.getByRole("button", { name: "记录参考价" }).click();
    await expect.poll(statuses).toContain("参考价已记录");
    // 12.5 yuan = 1250 fen, shown as ¥12.50 beside the variant.
    await expect
      .poll(() => variantRow.locator("td").nth(4).textContent())
      .toBe("¥12.50（坡仓乡集市，2026年11月28日）");
    expect(await seriousViolations(page)).toEqual([]);
    await run.shot("registers-04-product-variant-price");
  });

  it("refuses removing a product that offers refer to, in words", async () => {
    const { page } = run;
    await page.goto(run.url("/catalog"));
    await page.getByRole("link", { name: "柴鸡蛋" }).click();
    await page.getByRole("heading", { name: "柴鸡蛋" }).waitFor();
    await page.getByRole("button", { name: "删除产品" }).click();
    await expect.poll(alerts).toContain("不能删除");
    // Still on its page, and still in the catalogue.
    expect(await page.getByRole("heading", { name: "柴鸡蛋" }).count()).toBe(1);
    await run.shot("registers-05-product-in-use");
  });
});

describe("our prices beside the market's", () => {
  it("shows a cycle's consumer and producer prices with the premium and share the shop shows", async () => {
    const { page } = run;
    type ShopOffer = {
      variant: { nameZh: string };
      price: number;
      producerPrice: number;
      pricing: { premiumBasisPoints: number | null; householdShareBasisPoints: number };
    };
    const cycles = await run.admin<{ orderCycles: { items: { id: string; code: string }[] } }>(
      adminToken,
      `{ orderCycles(page: { skip: 0, take: 24 }) { items { id code } } }`,
    );
    // The newest cycle with eggs on offer, and the shop's own price comparison of them.
    let found: { code: string; offer: ShopOffer } | undefined;
    for (const cycle of cycles.orderCycles.items) {
      const shop = await shopGraphql<{ offers: { items: ShopOffer[] } }>(
        run.server.origin,
        `query($c: ID!) { offers(orderCycleId: $c, page: { skip: 0, take: 100 }) { items {
          variant { nameZh } price producerPrice pricing { premiumBasisPoints householdShareBasisPoints } } } }`,
        { c: cycle.id },
      );
      const offer = shop.offers.items.find((o) => o.variant.nameZh === "柴鸡蛋 1斤");
      if (offer) {
        found = { code: cycle.code, offer };
        break;
      }
    }
    if (!found) throw new Error("no demo cycle has eggs on offer");
    await page.goto(run.url("/catalog"));
    await page.getByRole("link", { name: "柴鸡蛋" }).click();
    await page.locator('select[name="orderCycleId"]').selectOption({ label: found.code });
    const row = page
      .locator('section[aria-labelledby="cycle-prices"] tbody tr')
      .filter({ hasText: "柴鸡蛋 1斤" });
    const { offer } = found;
    // The page works the premium and share out itself; they must agree with the shop's. The
    // cycle's offers load after the choice, so the row is read until it shows them.
    const shown = async () => {
      const cells = await row.locator("td").allTextContents();
      return [cells[1], cells[2], cells[4], cells[5]];
    };
    await expect
      .poll(shown, { timeout: 15_000 })
      .toEqual([
        formatFen(offer.price),
        formatFen(offer.producerPrice),
        offer.pricing.premiumBasisPoints == null
          ? "—"
          : percent(offer.pricing.premiumBasisPoints, "zh-CN"),
        percent(offer.pricing.householdShareBasisPoints, "zh-CN"),
      ]);
    await run.shot("registers-05b-cycle-prices");
  });
});

describe("users, roles and partner API keys", () => {
  it("creates a staff account and refuses deactivating yourself in words", async () => {
    const { page } = run;
    await page.goto(run.url("/users"));
    await page.getByRole("heading", { name: "用户与合作机构" }).waitFor();
    await page.locator("table tbody tr").first().waitFor();
    // The project's own accounts first: the demo's 6 (admin, staff, finance, two group leaders,
    // partner), no consumer among them until asked for.
    const roles = () => page.locator("table tbody tr td:nth-child(3)").allTextContents();
    await expect.poll(async () => (await roles()).length).toBe(6);
    expect(await roles()).not.toContain("消费者");
    await page.getByRole("checkbox", { name: "也列出消费者账号" }).check();
    await expect.poll(async () => (await roles()).includes("消费者")).toBe(true);
    await page.getByRole("checkbox", { name: "也列出消费者账号" }).uncheck();
    await expect.poll(async () => (await roles()).length).toBe(6);
    expect(await seriousViolations(page)).toEqual([]);
    await run.shot("registers-06-users-zh");

    await page.locator('input[name="displayName"]').fill("周晓梅");
    await page.locator('input[name="email"]').fill("zhou.xiaomei@demo.nested.market");
    await page.locator('input[name="password"]').fill("yimen-2026-staff");
    await page
      .getByRole("group", { name: /负责的生产小组/ })
      .getByRole("checkbox")
      .first()
      .check();
    await page.getByRole("button", { name: "创建账号" }).click();
    await expect.poll(statuses).toContain("账号已创建：周晓梅");
    // The new account can sign in on the Admin API with its initial password.
    const signedIn = await adminGraphql<{ signIn: { __typename: string; message?: string } }>(
      run.server.origin,
      `mutation { signIn(input: { login: "zhou.xiaomei@demo.nested.market", password: "yimen-2026-staff", tokenDelivery: BEARER }) { __typename ... on ErrorResult { message } } }`,
    );
    expect(signedIn.signIn).toEqual({ __typename: "SignedIn" });

    await page.locator('input[name="search"]').fill("admin@demo");
    const mine = page.locator("table tbody tr").filter({ hasText: "admin@demo.nested.market" });
    await mine.getByRole("button", { name: /管理/ }).click();
    await page.getByRole("button", { name: "停用账号" }).click();
    await expect.poll(alerts).toContain("您不能停用自己的账号");
    expect(await mine.locator("td").nth(4).textContent()).toBe("使用中");
    await run.shot("registers-07-user-refused-self");
  });

  it("issues a partner API key once, which works until it is revoked", async () => {
    const { page } = run;
    await page.goto(run.url("/users"));
    await page.getByRole("link", { name: "合作机构与接口密钥" }).click();
    await page.getByRole("heading", { level: 1, name: "合作机构" }).waitFor();
    await page.locator('input[name="partnerName"]').fill("北京社区支持农业研究组");
    // k below 3 is refused by the API in words; the form keeps the name.
    await page.locator('input[name="suppressionK"]').fill("2");
    await page.getByRole("button", { name: "创建合作机构" }).click();
    await expect.poll(alerts).toContain("3 到 1000");
    expect(await page.locator('input[name="partnerName"]').inputValue()).toBe(
      "北京社区支持农业研究组",
    );
    await page.locator('input[name="suppressionK"]').fill("5");
    await page.getByRole("button", { name: "创建合作机构" }).click();
    await page.getByRole("heading", { name: "北京社区支持农业研究组" }).waitFor();

    await page.getByRole("button", { name: "发放新密钥" }).click();
    const shown = page.getByTestId("issued-key");
    await shown.waitFor();
    const key = (await shown.textContent()) ?? "";
    expect(key).toMatch(/^nmk_/);
    expect(await alerts()).toContain("只显示这一次");
    await page.getByRole("button", { name: "复制密钥" }).click();
    await expect.poll(statuses).toContain("已复制");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    expect(await seriousViolations(page)).toEqual([]);
    await run.shot("registers-08-api-key-issued");

    const partnerApi = () =>
      fetch(`${run.server.origin}/partner/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        body: JSON.stringify({ query: "{ partnerOrganisation { name } }" }),
      });
    const working = await partnerApi();
    expect(working.status).toBe(200);
    expect(await working.json()).toEqual({
      data: { partnerOrganisation: { name: "北京社区支持农业研究组" } },
    });

    // Closing the panel forgets the secret: only its prefix stays on the page.
    await page.getByRole("button", { name: "我已保存，关闭" }).click();
    expect(await page.locator("main").textContent()).not.toContain(key);
    await page.getByRole("button", { name: `作废 ${key.slice(0, 8)}` }).click();
    await expect
      .poll(() => page.locator("table tbody tr").first().locator("td").nth(3).textContent())
      .toMatch(/^已作废/);
    // A revoked key is nobody: the partner API and the partner CSV export both answer 401.
    const revoked = await partnerApi();
    expect(revoked.status).toBe(401);
    const refusedBody = (await revoked.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(refusedBody.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const csv = await fetch(`${run.server.origin}/partner/export.csv`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(csv.status).toBe(401);
  });
});

describe("the three pages in English", () => {
  it("shows trust events, products and users in English", async () => {
    const { page } = run;
    await page.goto(run.url("/trust-events"));
    await page.getByRole("button", { name: "Switch to English" }).click();
    await page.getByRole("heading", { name: "Trust events" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await unmarked()).toEqual([]);
    await run.shot("registers-09-trust-events-en");
    await page.goto(run.url("/catalog"));
    await page.getByRole("heading", { name: "Products and prices" }).waitFor();
    await page.locator("table tbody tr").first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await unmarked()).toEqual([]);
    await run.shot("registers-10-catalog-en");
    await page.goto(run.url("/users"));
    await page.getByRole("heading", { name: "Users and partner organisations" }).waitFor();
    await page.locator("table tbody tr").first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await unmarked()).toEqual([]);
    await run.shot("registers-11-users-en");
    await page.getByRole("button", { name: "切换到中文" }).click();
  });
});
