/** Puts a saved sandbox page's content (and title) into the document, as the CRM app renders it, for record-session tests. */
export function renderCrmPage(html: string): void {
  const saved = new DOMParser().parseFromString(html, 'text/html');
  document.title = saved.title;
  document.body.replaceChildren(...[...saved.body.childNodes].map((node) => document.importNode(node, true)));
  // happy-dom runs no CSS animations: announce the new anchors as the browser would.
  for (const element of document.querySelectorAll('[id^="titlecard_"], [data-zcqa^="value_"], [entity-id]')) {
    element.dispatchEvent(new AnimationEvent('animationstart', { animationName: 'desklink-element-seen', bubbles: true }));
  }
}
