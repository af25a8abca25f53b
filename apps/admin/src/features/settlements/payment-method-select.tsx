import { useT } from "../../i18n/index.js";

/** The ways money moves in the market (the API's PaymentMethod). */
export const PAYMENT_METHODS = ["WECHAT_PAY", "ALIPAY", "BANK_TRANSFER", "CASH"] as const;
/** One payment method. */
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** A labelled select of the payment methods, in the page's language. */
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
    <label>
      {label}
      <select
        name="method"
        value={value}
        onChange={(e) => onChange(e.target.value as PaymentMethod)}
      >
        {PAYMENT_METHODS.map((m) => (
          <option key={m} value={m}>
            {t(`settlements.method.${m}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
