/**
 * The collection point's pages of one cycle, mounted by the cycle routes under `/cycles/:id/`:
 * `intake` (quality check), `packing` (packing lists, print and CSV) and `pickups` (marking
 * pickups). Each page reads the cycle id from `useParams().id`.
 */
export { IntakePage } from "./intake-page.js";
export { PackingPage } from "./packing-page.js";
export { PickupsPage } from "./pickups-page.js";
