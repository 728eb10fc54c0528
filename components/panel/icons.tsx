/** The panel's small icons: drawn strokes, hidden from assistive technology (their buttons have names). */

const svg = { width: 14, height: 14, viewBox: '0 0 16 16', 'aria-hidden': 'true' as const, focusable: 'false' as const };

/** A chevron: right when closed, down when open. */
export function PreviewIcon({ open }: { open: boolean }) {
  return (
    <svg {...svg} class={open ? 'dl-icon dl-icon-open' : 'dl-icon'}>
      <path d="M6 3.5 10.5 8 6 12.5" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}

/** Two overlapping sheets. */
export function CopyIcon() {
  return (
    <svg {...svg} class="dl-icon">
      <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.4" />
      <path
        d="M10.5 3.5v-.5a1.5 1.5 0 0 0-1.5-1.5H4A1.5 1.5 0 0 0 2.5 3v5A1.5 1.5 0 0 0 4 9.5h.5"
        fill="none"
        stroke="currentColor"
        stroke-width="1.4"
      />
    </svg>
  );
}

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
