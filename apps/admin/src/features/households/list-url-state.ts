import type {
  HouseholdFilter,
  HouseholdSortField,
  MembershipState,
  SortDirection,
} from "../../gql/graphql.js";

/** Rows per page of the household register. */
export const PAGE_SIZE = 20;

/** Columns the register can be sorted by (the API's `HouseholdSortField`). */
export const SORT_FIELDS: readonly HouseholdSortField[] = [
  "CODE",
  "HEAD_NAME",
  "JOINED_ON",
  "SIZE",
];

/**
 * Membership choices of the filter: the API's `MembershipState`s, and NONE for the households
 * never in a group (`hasMembership: false`).
 */
export const MEMBERSHIP_FILTERS: readonly MembershipFilter[] = [
  "APPLIED",
  "ACTIVE",
  "SUSPENDED",
  "LEFT",
  "NONE",
];

/** A membership state, or NONE: never applied to a group (membership state null). */
export type MembershipFilter = MembershipState | "NONE";

/**
 * What the household register shows, as kept in the page's URL query so a link or the back
 * button brings the same view back. Everything optional is null when not chosen; `page` is
 * 1-based.
 */
export interface HouseholdListState {
  /** Part of the household code or the head's name (Chinese works). */
  search: string | null;
  villageId: string | null;
  producerGroupId: string | null;
  /** true: registered poor only; false: the others only; null: both. */
  registeredPoor: boolean | null;
  /** A membership state, NONE (never in a group) or null (any). */
  membershipState: MembershipFilter | null;
  sort: { field: HouseholdSortField; direction: SortDirection };
  page: number;
}

/** The register's first view: every household, by code, page 1. */
export const DEFAULT_LIST_STATE: HouseholdListState = {
  search: null,
  villageId: null,
  producerGroupId: null,
  registeredPoor: null,
  membershipState: null,
  sort: { field: "CODE", direction: "ASC" },
  page: 1,
};

const SORT_KEYS: Record<HouseholdSortField, string> = {
  CODE: "code",
  HEAD_NAME: "name",
  JOINED_ON: "joined",
  SIZE: "size",
};

function nonEmpty(value: string | null): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/**
 * Reads the register's view from a URL query: `q` (search), `village`, `group`, `poor`
 * (`yes`/`no`), `state` (a membership state or NONE), `sort` (`code`, `name`, `joined` or `size`; a
 * leading `-` for descending) and `page` (1-based). Anything unknown or malformed (a hand-edited
 * link) falls back to the default of that part instead of failing.
 */
export function parseListState(params: URLSearchParams): HouseholdListState {
  const poor = params.get("poor");
  const state = params.get("state");
  const sortText = params.get("sort") ?? "";
  const descending = sortText.startsWith("-");
  const sortKey = descending ? sortText.slice(1) : sortText;
  const field = SORT_FIELDS.find((f) => SORT_KEYS[f] === sortKey);
  const pageText = params.get("page") ?? "";
  const page = /^[1-9]\d{0,5}$/.test(pageText) ? Number(pageText) : 1;
  return {
    search: nonEmpty(params.get("q")),
    villageId: nonEmpty(params.get("village")),
    producerGroupId: nonEmpty(params.get("group")),
    registeredPoor: poor === "yes" ? true : poor === "no" ? false : null,
    membershipState: MEMBERSHIP_FILTERS.find((s) => s === state) ?? null,
    sort: field
      ? { field, direction: descending ? "DESC" : "ASC" }
      : { ...DEFAULT_LIST_STATE.sort },
    page,
  };
}

/**
 * The URL query of a view, the inverse of {@link parseListState}; defaults are left out so the
 * plain register has a plain URL.
 */
export function listStateToParams(state: HouseholdListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.search) params.set("q", state.search);
  if (state.villageId) params.set("village", state.villageId);
  if (state.producerGroupId) params.set("group", state.producerGroupId);
  if (state.registeredPoor != null) params.set("poor", state.registeredPoor ? "yes" : "no");
  if (state.membershipState) params.set("state", state.membershipState);
  const { field, direction } = state.sort;
  if (field !== "CODE" || direction !== "ASC")
    params.set("sort", `${direction === "DESC" ? "-" : ""}${SORT_KEYS[field]}`);
  if (state.page > 1) params.set("page", String(state.page));
  return params;
}

/**
 * The view after a change of search or filters: back to page 1, since the old page number means
 * nothing in a different list.
 */
export function withFilters(
  state: HouseholdListState,
  changes: Partial<Omit<HouseholdListState, "page" | "sort">>,
): HouseholdListState {
  return { ...state, ...changes, page: 1 };
}

/**
 * The view after a click on a column header: the same column flips its direction, another column
 * sorts ascending; back to page 1.
 */
export function withSortBy(
  state: HouseholdListState,
  field: HouseholdSortField,
): HouseholdListState {
  const direction: SortDirection =
    state.sort.field === field && state.sort.direction === "ASC" ? "DESC" : "ASC";
  return { ...state, sort: { field, direction }, page: 1 };
}

/** The `households` query's variables for a view: `filter`, `sort` and `page: { skip, take }`. */
export function listVariables(state: HouseholdListState): {
  filter: HouseholdFilter;
  sort: HouseholdListState["sort"];
  page: { skip: number; take: number };
} {
  return {
    filter: {
      search: state.search,
      villageId: state.villageId,
      producerGroupId: state.producerGroupId,
      registeredPoor: state.registeredPoor,
      membershipState: state.membershipState === "NONE" ? null : state.membershipState,
      hasMembership: state.membershipState === "NONE" ? false : null,
    },
    sort: state.sort,
    page: { skip: (state.page - 1) * PAGE_SIZE, take: PAGE_SIZE },
  };
}

/** A change of the view, applied to the latest one (so quick changes never build on a stale view). */
export type ListUpdate = (latest: HouseholdListState) => HouseholdListState;
