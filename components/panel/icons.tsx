/**
 * The sort buttons' icons: drawn strokes, hidden from assistive technology (their buttons have
 * names). A row's icons are CSS masks (panel.css): no elements in every row.
 */

const svg = { width: 14, height: 14, viewBox: '0 0 16 16', 'aria-hidden': 'true' as const, focusable: 'false' as const };

/** Up, down, or both faint when the column does not sort. */
export function SortIcon({ direction }: { direction: 'ascending' | 'descending' | undefined }) {
  return (
    <svg {...svg} class={`dl-icon dl-sort-icon${direction ? ' dl-sort-active' : ''}`}>
      {direction !== 'descending' && (
        <path d="M5 6.5 8 3.5l3 3" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" />
      )}
      {direction !== 'ascending' && (
        <path d="M5 9.5 8 12.5l3-3" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" />
      )}
    </svg>
  );
}
