/** The fields of any ErrorResult member the admin SPA asks for (`... on ErrorResult`). */
export interface AdminErrorResult {
  __typename?: string;
  errorCode: string;
  /** Already in the page's language: the API follows `Accept-Language`. */
  message: string;
  /** Input problems (InvalidInputError): the field or `entries[3].quantity`, and what is wrong. */
  problems?: { field: string; message: string }[];
}

/**
 * An ErrorResult in words: the API's own message (translated by the API to the page's language)
 * and, for invalid input, each problem with the field it concerns. Announced to screen readers.
 */
export function ErrorResultMessage({ error }: { error: AdminErrorResult }) {
  return (
    <div className="alert" role="alert">
      <p>{error.message}</p>
      {error.problems && error.problems.length > 0 && (
        <ul>
          {error.problems.map((p, i) => (
            <li key={`${p.field}-${i}`}>
              <code>{p.field}</code> {p.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The ErrorResult in a mutation's answer, or null when it succeeded: any member with `errorCode`.
 */
export function errorResultOf(result: unknown): AdminErrorResult | null {
  if (result && typeof result === "object" && "errorCode" in result && "message" in result) {
    return result as AdminErrorResult;
  }
  return null;
}
