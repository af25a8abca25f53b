import type { PaymentMethod } from "../gql/graphql.js";
import { useT } from "../i18n/index.js";
import { ChoiceField } from "../lib/form-fields.js";

/** The ways money moves in the market (the API's PaymentMethod), most used first. */
export const PAYMENT_METHODS: readonly PaymentMethod[] = [
  "WECHAT_PAY",
  "ALIPAY",
  "BANK_TRANSFER",
  "CASH",
];

export type { PaymentMethod };

/**
 * A labelled select (`name="method"`) of the payment methods, named in the page's language
 * (`paymentMethod.*` in i18n/common.ts): a consumer's payment, a payout, a refund.
 */
export function PaymentMethodSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: PaymentMethod;
  onChange(method: PaymentMethod): void;
}) {
  const { t } = useT();
  return (
    <ChoiceField
      label={label}
      name="method"
      values={PAYMENT_METHODS}
      value={value}
      onChange={onChange}
      text={(m) => t(`paymentMethod.${m}`)}
    />
  );
}
