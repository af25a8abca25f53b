import type { HTMLAttributes, ReactNode } from "react";

/**
 * A labelled one-line input whose value lives in the form's state (so a refused save keeps what
 * was typed). `lang` marks the language the value is typed in (Chinese names: "zh-CN").
 */
export function TextField({
  label,
  name,
  value,
  onChange,
  type = "text",
  lang,
  inputMode,
  autoComplete,
}: {
  label: string;
  name: string;
  value: string;
  onChange(value: string): void;
  type?: string;
  lang?: string;
  inputMode?: HTMLAttributes<HTMLInputElement>["inputMode"];
  autoComplete?: string;
}) {
  return (
    <label>
      {label}
      <input
        name={name}
        type={type}
        lang={lang}
        inputMode={inputMode}
        autoComplete={autoComplete}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}

/**
 * A labelled several-line text whose value lives in the form's state (a refused save keeps what
 * was typed). `lang` marks the language it is typed in; `maxLength` in characters.
 */
export function TextAreaField({
  label,
  name,
  value,
  onChange,
  lang,
  rows = 2,
  maxLength,
}: {
  label: string;
  name: string;
  value: string;
  onChange(value: string): void;
  lang?: string;
  rows?: number;
  maxLength?: number;
}) {
  return (
    <label>
      {label}
      <textarea
        name={name}
        lang={lang}
        rows={rows}
        maxLength={maxLength}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}

/**
 * A labelled choice among `values` (an API enum's members or ids), each shown as `text(value)`
 * in the page's language; `anyLabel` adds an empty choice first (a filter's "all").
 */
export function ChoiceField<T extends string>({
  label,
  name,
  values,
  value,
  onChange,
  text,
  anyLabel,
}: {
  label: string;
  name: string;
  values: readonly T[];
  value: T | "";
  onChange(value: T): void;
  text(value: T): string;
  anyLabel?: string;
}) {
  return (
    <label>
      {label}
      <select name={name} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {values.map((v) => (
          <option key={v} value={v}>
            {text(v)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A polite "saved" line, announced to screen readers, shown while `show` is true. */
export function SavedNotice({ show, children }: { show: boolean; children: ReactNode }) {
  if (!show) return null;
  return (
    <p className="notice" role="status">
      {children}
    </p>
  );
}
