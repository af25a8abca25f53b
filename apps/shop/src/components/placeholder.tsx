/** Colours and a simple drawing per category, for offers without a photo. */
const DRAWINGS: Record<
  string,
  { bg: string; fg: string; shape: "egg" | "grain" | "nut" | "jar" | "bird" | "leaf" | "box" }
> = {
  EGGS: { bg: "#f6ead2", fg: "#b9874a", shape: "egg" },
  POULTRY: { bg: "#f3e0d6", fg: "#9a4d2c", shape: "bird" },
  PORK: { bg: "#f5dfe1", fg: "#a2474f", shape: "box" },
  GRAIN: { bg: "#f4eccb", fg: "#a07d16", shape: "grain" },
  TUBERS: { bg: "#eee3d3", fg: "#7b5a3a", shape: "nut" },
  NUTS: { bg: "#eadfd2", fg: "#6e4e2e", shape: "nut" },
  HONEY: { bg: "#fbefc8", fg: "#b07a00", shape: "jar" },
  VEGETABLES: { bg: "#e2efdc", fg: "#3d7a2e", shape: "leaf" },
  OTHER: { bg: "#e6e8ec", fg: "#55606e", shape: "box" },
};

function Shape({ shape, fg }: { shape: string; fg: string }) {
  switch (shape) {
    case "egg":
      return (
        <>
          <ellipse cx="38" cy="42" rx="14" ry="18" fill="#fffaf0" stroke={fg} strokeWidth="2" />
          <ellipse cx="62" cy="44" rx="14" ry="18" fill="#fffaf0" stroke={fg} strokeWidth="2" />
        </>
      );
    case "grain":
      return (
        <>
          <path d="M50 80 V20" stroke={fg} strokeWidth="3" />
          {[26, 36, 46, 56].map((y) => (
            <g key={y}>
              <ellipse cx="42" cy={y} rx="7" ry="4" fill={fg} />
              <ellipse cx="58" cy={y + 4} rx="7" ry="4" fill={fg} />
            </g>
          ))}
        </>
      );
    case "nut":
      return <circle cx="50" cy="46" r="20" fill={fg} opacity="0.8" />;
    case "jar":
      return (
        <>
          <rect x="34" y="30" width="32" height="40" rx="6" fill={fg} />
          <rect x="38" y="22" width="24" height="8" fill="#7a5200" />
        </>
      );
    case "bird":
      return (
        <>
          <ellipse cx="50" cy="52" rx="22" ry="16" fill={fg} />
          <circle cx="68" cy="36" r="9" fill={fg} />
        </>
      );
    case "leaf":
      return <path d="M30 70 Q30 25 72 24 Q72 66 30 70 Z" fill={fg} />;
    default:
      return <rect x="30" y="30" width="40" height="34" rx="4" fill={fg} />;
  }
}

/** A drawn placeholder for a product photo; decorative, so hidden from screen readers. */
export function Placeholder({ category }: { category: string }) {
  const d = DRAWINGS[category] ?? DRAWINGS.OTHER!;
  return (
    <svg className="ph" viewBox="0 0 100 90" aria-hidden="true" focusable="false">
      <rect width="100" height="90" rx="8" fill={d.bg} />
      <Shape shape={d.shape} fg={d.fg} />
    </svg>
  );
}
