/** Previous / next buttons for a list read in pages (cursor pagination). */
export function Pager({
  label,
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
  busy = false,
}: {
  /** What is paged, e.g. "People": the navigation is named "People pages". */
  label: string;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious(): void;
  onNext(): void;
  busy?: boolean;
}) {
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav className="pager" aria-label={`${label} pages`}>
      <button type="button" onClick={onPrevious} disabled={!hasPrevious || busy}>
        <span aria-hidden="true">← </span>Previous
      </button>
      <button type="button" onClick={onNext} disabled={!hasNext || busy}>
        Next<span aria-hidden="true"> →</span>
      </button>
    </nav>
  );
}
