/**
 * The panel acts only on what the user does: an event a script dispatched (`isTrusted` false) is
 * stopped before any handler of the panel sees it, and its default action (following a link,
 * submitting) is cancelled.
 */
const USER_EVENTS = [
  'click',
  'auxclick',
  'dblclick',
  'contextmenu',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'keydown',
  'keypress',
  'keyup',
  'input',
  'change',
  'submit',
] as const;

/** Stops untrusted user events at `target` (a window or a container), in the capture phase. */
export function dropUntrustedEvents(target: EventTarget): void {
  for (const type of USER_EVENTS) {
    target.addEventListener(
      type,
      (event) => {
        if (event.isTrusted) return;
        event.stopImmediatePropagation();
        event.preventDefault();
      },
      { capture: true },
    );
  }
}
