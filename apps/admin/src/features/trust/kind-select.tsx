import type { TrustEventKind } from "../../gql/graphql.js";
import { useT } from "../../i18n/index.js";
import { ChoiceField } from "../../lib/form-fields.js";

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
    <ChoiceField<TrustEventKind>
      label={label}
      name="kind"
      values={TRUST_EVENT_KINDS}
      value={value}
      onChange={onChange}
      text={(k) => t(`trust.kind.${k}`)}
      anyLabel={anyLabel}
    />
  );
}
