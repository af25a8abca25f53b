import { useSyncExternalStore } from "react";

const STORAGE_KEY = "nm-shop-market";
const listeners = new Set<() => void>();

function read(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

/** Remembers the market (producer group id) a signed-out visitor chose, and tells the pages. */
export function chooseMarket(producerGroupId: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, producerGroupId);
  } catch {
    // private mode: the choice lasts until the page is left
  }
  chosen = producerGroupId;
  for (const listener of listeners) listener();
}

let chosen = read();

/** The producer group id a signed-out visitor chose (localStorage), or null. */
export function useChosenMarket(): string | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => chosen,
  );
}
