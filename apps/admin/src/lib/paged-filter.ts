import { useState } from "react";

/** Rows a register list shows a page (the API's `page.take`). */
export const PAGE_SIZE = 20;

/**
 * The page of a filtered, paginated list: `skip` (first row shown, 0-based) and `take`
 * (`PAGE_SIZE` unless given), `page` for the API's `page` argument, `setSkip` for the pager, and
 * `refilter`, which wraps a filter's setter so that changing the filter goes back to the first page.
 */
export function usePagedFilter(take = PAGE_SIZE) {
  const [skip, setSkip] = useState(0);
  const refilter =
    <T>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setSkip(0);
    };
  return { skip, take, page: { skip, take }, setSkip, refilter };
}
