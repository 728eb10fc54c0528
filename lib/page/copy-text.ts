/**
 * Puts text on the clipboard from the panel page: the async Clipboard API where the frame may
 * use it, else the older copy command on a selected, hidden text field (both need the user's
 * click, which the panel's Copy buttons are). True when the text was copied.
 */
export async function copyText(doc: Document, text: string): Promise<boolean> {
  const clipboard = doc.defaultView?.navigator.clipboard;
  if (clipboard?.writeText) {
    try {
      await clipboard.writeText(text);
      return true;
    } catch {
      // Not allowed in this frame: try the copy command.
    }
  }
  const field = doc.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.setAttribute('aria-hidden', 'true');
  field.style.cssText = 'position:fixed;top:0;left:0;width:1px;height:1px;opacity:0;';
  const focused = doc.activeElement as HTMLElement | null;
  doc.body.append(field);
  field.select();
  let copied = false;
  try {
    copied = doc.execCommand('copy');
  } catch {
    copied = false;
  }
  field.remove();
  focused?.focus();
  return copied;
}
