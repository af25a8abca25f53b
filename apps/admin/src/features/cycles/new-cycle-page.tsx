import { useMutation } from "@apollo/client/react";
import { Failed } from "@nested/web-kit";
import { type FormEvent, type ReactNode, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import {
  type AdminErrorResult,
  ErrorResultMessage,
  errorResultOf,
} from "../../components/error-result.js";
import { useT } from "../../i18n/index.js";
import { evictRootFields } from "../../lib/apollo.js";
import { CreateCycleMutation } from "./documents.js";
import { GroupChoice } from "./group-choice.js";
import { shanghaiDay, shanghaiInputToIso } from "../../lib/shanghai-time.js";

/**
 * A new DRAFT cycle of a group: code YYYY-MM and its dates, every time typed as Beijing time
 * (Asia/Shanghai) whatever the computer's zone. A refusal keeps what was typed and says why.
 */
export function NewCyclePage() {
  const { t } = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const now = new Date();
  const [groupId, setGroupId] = useState(params.get("group") ?? "");
  const [code, setCode] = useState("");
  const [declarationOpensOn, setDeclarationOpensOn] = useState(shanghaiDay(now));
  const [opensAt, setOpensAt] = useState(`${shanghaiDay(now, 1)}T08:00`);
  const [closesAt, setClosesAt] = useState(`${shanghaiDay(now, 8)}T20:00`);
  const [deliveryOn, setDeliveryOn] = useState(shanghaiDay(now, 10));
  const [refusal, setRefusal] = useState<AdminErrorResult | null>(null);
  const [create, { loading, error }] = useMutation(CreateCycleMutation, {
    update: (cache) => evictRootFields(cache, ["orderCycles"]),
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setRefusal(null);
    const { data } = await create({
      variables: {
        input: {
          producerGroupId: groupId,
          code: code.trim(),
          declarationOpensOn,
          opensAt: shanghaiInputToIso(opensAt),
          closesAt: shanghaiInputToIso(closesAt),
          deliveryOn,
        },
      },
    }).catch(() => ({ data: undefined }));
    const refused = errorResultOf(data?.createOrderCycle);
    if (refused) return setRefusal(refused);
    if (data?.createOrderCycle.__typename === "AdminOrderCycle") {
      void navigate(`/cycles/${data.createOrderCycle.id}`);
    }
  }

  const problem = (field: string) =>
    refusal?.problems?.find((p) => p.field === field || p.field.endsWith(`.${field}`))?.message;
  const field = (name: string, label: string, input: ReactNode) => (
    <label>
      {label}
      {input}
      {problem(name) && (
        <span className="field-problem" id={`${name}-problem`}>
          {problem(name)}
        </span>
      )}
    </label>
  );

  return (
    <section className="narrow stack">
      <h1>{t("cycles.newTitle")}</h1>
      <p className="muted">{t("cycles.newLead")}</p>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <GroupChoice value={groupId} onChange={setGroupId} />
        {field(
          "code",
          t("cycles.codeHint"),
          <input
            name="code"
            value={code}
            required
            placeholder="2026-12"
            inputMode="numeric"
            aria-invalid={!!problem("code")}
            onChange={(e) => setCode(e.target.value)}
          />,
        )}
        {field(
          "declarationOpensOn",
          t("cycles.declarationOpensOn"),
          <input
            type="date"
            name="declarationOpensOn"
            value={declarationOpensOn}
            onChange={(e) => setDeclarationOpensOn(e.target.value)}
          />,
        )}
        {field(
          "opensAt",
          t("cycles.opensAtBeijing"),
          <input
            type="datetime-local"
            name="opensAt"
            value={opensAt}
            onChange={(e) => setOpensAt(e.target.value)}
          />,
        )}
        {field(
          "closesAt",
          t("cycles.closesAtBeijing"),
          <input
            type="datetime-local"
            name="closesAt"
            value={closesAt}
            onChange={(e) => setClosesAt(e.target.value)}
          />,
        )}
        {field(
          "deliveryOn",
          t("cycles.deliveryOn"),
          <input
            type="date"
            name="deliveryOn"
            value={deliveryOn}
            onChange={(e) => setDeliveryOn(e.target.value)}
          />,
        )}
        {refusal && <ErrorResultMessage error={refusal} />}
        {error && <Failed error={error} />}
        <div className="row">
          <button type="submit" className="primary" disabled={loading || !groupId}>
            {loading ? t("state.saving") : t("cycles.create")}
          </button>
        </div>
      </form>
    </section>
  );
}
