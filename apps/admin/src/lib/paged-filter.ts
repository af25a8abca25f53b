import { useState } from "react";

/**
 * The first row shown of a paginated list (`skip`, 0-based) and `refilter`, which wraps a
 * filter's setter so that changing the filter goes back to the first page.
 */
export function usePagedFilter() {
  const [skip, setSkip] = useState(0);
  const refilter =
    <T>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setSkip(0);
    };
  return { skip, setSkip, refilter };
}
