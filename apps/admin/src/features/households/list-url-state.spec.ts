import { describe, expect, it } from "vitest";
import {
  DEFAULT_LIST_STATE,
  listStateToParams,
  listVariables,
  parseListState,
  withFilters,
  withSortBy,
} from "./list-url-state.js";

const parse = (query: string) => parseListState(new URLSearchParams(query));

describe("the household register's URL state", () => {
  it("reads an empty query as the default view", () => {
    expect(parse("")).toEqual(DEFAULT_LIST_STATE);
    expect(listStateToParams(DEFAULT_LIST_STATE).toString()).toBe("");
  });

  it("reads every part of a query and writes it back the same", () => {
    const query = "q=%E7%8E%8B&village=v1&group=g1&poor=yes&state=ACTIVE&sort=-name&page=3";
    const state = parse(query);
    expect(state).toEqual({
      search: "王",
      villageId: "v1",
      producerGroupId: "g1",
      registeredPoor: true,
      membershipState: "ACTIVE",
      sort: { field: "HEAD_NAME", direction: "DESC" },
      page: 3,
    });
    expect(listStateToParams(state).toString()).toBe(query);
    expect(parse("poor=no").registeredPoor).toBe(false);
    expect(parse("sort=size").sort).toEqual({ field: "SIZE", direction: "ASC" });
  });

  it("falls back part by part on a hand-edited link", () => {
    const state = parse("q=%20%20&poor=maybe&state=GONE&sort=-colour&page=0");
    expect(state).toEqual(DEFAULT_LIST_STATE);
    expect(parse("page=-2").page).toBe(1);
    expect(parse("page=2.5").page).toBe(1);
    expect(parse("page=abc").page).toBe(1);
  });

  it("goes back to page 1 when the filters or the sort change", () => {
    const onPage4 = { ...DEFAULT_LIST_STATE, page: 4 };
    expect(withFilters(onPage4, { registeredPoor: true })).toEqual({
      ...DEFAULT_LIST_STATE,
      registeredPoor: true,
      page: 1,
    });
    const byName = withSortBy(onPage4, "HEAD_NAME");
    expect(byName.sort).toEqual({ field: "HEAD_NAME", direction: "ASC" });
    expect(byName.page).toBe(1);
    // The same column again flips the direction, and back.
    expect(withSortBy(byName, "HEAD_NAME").sort.direction).toBe("DESC");
    expect(withSortBy(withSortBy(byName, "HEAD_NAME"), "HEAD_NAME").sort.direction).toBe("ASC");
    // The default sort is by code ascending, so a click on "code" sorts it descending.
    expect(withSortBy(DEFAULT_LIST_STATE, "CODE").sort.direction).toBe("DESC");
  });

  it("asks the API for the page's rows", () => {
    // Page 3 at 20 rows a page starts at row (3 − 1) × 20 = 40.
    expect(listVariables({ ...DEFAULT_LIST_STATE, page: 3, villageId: "v1" })).toEqual({
      filter: {
        search: null,
        villageId: "v1",
        producerGroupId: null,
        registeredPoor: null,
        membershipState: null,
        hasMembership: null,
      },
      sort: { field: "CODE", direction: "ASC" },
      page: { skip: 40, take: 20 },
    });
  });

  it("asks for the households never in a group with state=NONE", () => {
    const state = parse("state=NONE");
    expect(state.membershipState).toBe("NONE");
    expect(listStateToParams(state).toString()).toBe("state=NONE");
    expect(listVariables(state).filter).toMatchObject({
      membershipState: null,
      hasMembership: false,
    });
    expect(listVariables(parse("state=LEFT")).filter).toMatchObject({
      membershipState: "LEFT",
      hasMembership: null,
    });
  });
});
