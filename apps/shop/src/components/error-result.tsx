import { useT } from "../i18n/index.js";

/** The fields of any ErrorResult member the shop asks for. */
export interface ShopErrorResult {
  __typename?: string;
  errorCode: string;
  message: string;
  quantityAvailable?: number;
  maxPerOrder?: number | null;
  placesLeft?: number;
  retryAfterSeconds?: number;
  maxUnused?: number;
  problems?: { field: string; message: string }[];
}

/**
 * An ErrorResult in the consumer's words and language, by its code (with how many are left, when
 * to try again …); `name` names the product concerned. Unknown codes show the API's own message.
 */
export function ErrorResultMessage({ error, name }: { error: ShopErrorResult; name?: string }) {
  const { t } = useT();
  const key = `errors.${error.errorCode}`;
  const text = t(key, {
    count: error.quantityAvailable ?? error.placesLeft ?? error.maxUnused ?? 0,
    name: name ?? t("errors.thisItem"),
    max: error.maxPerOrder ?? "",
    seconds: error.retryAfterSeconds ?? 0,
    defaultValue: error.message,
  });
  return (
    <div className="alert" role="alert">
      <p>{text}</p>
      {error.problems && error.problems.length > 0 && (
        <ul>
          {error.problems.map((p) => (
            <li key={p.field}>{t(`fields.${p.field}`, { defaultValue: p.field })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
