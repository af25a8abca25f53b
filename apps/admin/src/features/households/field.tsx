import { type ReactElement, cloneElement } from "react";

/**
 * A labelled form control with its problems under it (from the API's InvalidInputError or the
 * form's own number check): the control is marked `aria-invalid` and described by the problems,
 * which are read out with it.
 */
export function Field({
  id,
  label,
  problems,
  children,
}: {
  id: string;
  label: string;
  problems: readonly string[];
  children: ReactElement<Record<string, unknown>>;
}) {
  const problemId = `${id}-problems`;
  const invalid = problems.length > 0;
  return (
    <div className={invalid ? "field invalid" : "field"}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, {
        id,
        "aria-invalid": invalid || undefined,
        "aria-describedby": invalid ? problemId : undefined,
      })}
      {invalid && (
        <p id={problemId} className="field-problem">
          {problems.join(" ")}
        </p>
      )}
    </div>
  );
}
