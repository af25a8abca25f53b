import { useT } from "../i18n/index.js";

/**
 * Previous / next for a paginated list (`page: { skip, take }` on the API), with "page 2 of 7,
 * 130 in all". `skip` is the first row shown (0-based); `onSkip` asks for another page.
 */
export function Pager({
  skip,
  take,
  total,
  onSkip,
}: {
  skip: number;
  take: number;
  total: number;
  onSkip(skip: number): void;
}) {
  const { t } = useT();
  const pages = Math.max(1, Math.ceil(total / take));
  const page = Math.floor(skip / take) + 1;
  return (
    <nav className="pager" aria-label={t("table.pageOf", { page, pages, total })}>
      <button type="button" disabled={skip === 0} onClick={() => onSkip(Math.max(0, skip - take))}>
        {t("table.previous")}
      </button>
      <span>{t("table.pageOf", { page, pages, total })}</span>
      <button type="button" disabled={skip + take >= total} onClick={() => onSkip(skip + take)}>
        {t("table.next")}
      </button>
    </nav>
  );
}
