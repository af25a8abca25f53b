import { pick } from "@nested/domain";
import { useT } from "../../i18n/index.js";

/**
 * A name from the data in the page's language (`pick`): the English one on an English page when
 * there is one, else the Chinese one, marked `lang="zh-CN"` for screen readers.
 */
export function DataName({ zh, en }: { zh: string; en?: string | null }) {
  const { language } = useT();
  const text = pick(language, zh, en);
  return <span lang={text === zh ? "zh-CN" : undefined}>{text}</span>;
}

/** A product and its variant, e.g. "Free-range eggs · 1 jin" (names as {@link DataName}). */
export function ProductName({
  line,
}: {
  line: {
    productNameZh: string;
    productNameEn: string;
    variantNameZh: string;
    variantNameEn: string;
  };
}) {
  return (
    <>
      <DataName zh={line.productNameZh} en={line.productNameEn} /> ·{" "}
      <DataName zh={line.variantNameZh} en={line.variantNameEn} />
    </>
  );
}
