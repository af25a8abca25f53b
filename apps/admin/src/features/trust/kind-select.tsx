import type { TrustEventKind } from "../../gql/graphql.js";
import { useT } from "../../i18n/index.js";

/** The kinds of trust event, in the order staff plan them. */
export const TRUST_EVENT_KINDS: readonly TrustEventKind[] = [
  "VILLAGE_VISIT",
  "MEETING",
  "PEER_REVIEW",
];

/** A labelled choice of trust event kind; `anyLabel` adds an empty "all kinds" choice first. */
export function KindSelect({
  label,
  value,
  onChange,
  anyLabel,
}: {
  label: string;
  value: TrustEventKind | "";
  onChange(kind: TrustEventKind | ""): void;
  anyLabel?: string;
}) {
  const { t } = useT();
  return (
    <label>
      {label}
      <select
        name="kind"
        value={value}
        onChange={(e) => onChange(e.target.value as TrustEventKind | "")}
      >
        {anyLabel && <option value="">{anyLabel}</option>}
        {TRUST_EVENT_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`trust.kind.${k}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
