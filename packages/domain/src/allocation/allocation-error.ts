import { DomainError } from "../errors/index.js";

/** Codes of {@link AllocationError}. */
export type AllocationErrorCode = "ALLOCATION_INVALID_INPUT";

/** The input of an allocation or a shortfall split was malformed (a programming error upstream). */
export class AllocationError extends DomainError<AllocationErrorCode> {}
