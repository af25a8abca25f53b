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

/** A polite "saved" line, announced to screen readers, shown while `show` is true. */
export function SavedNotice({ show, children }: { show: boolean; children: ReactNode }) {
  if (!show) return null;
  return (
    <p className="notice" role="status">
      {children}
    </p>
  );
}
