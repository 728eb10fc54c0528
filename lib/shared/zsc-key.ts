/**
 * What a Zoho key (a ZSC key or an OAuth token) can look like: printable ASCII without spaces.
 * Whitespace and zero-width marks around it are copy-and-paste leftovers, trimmed; inside it, or
 * any control character or non-ASCII letter, the key cannot be one Zoho issued (and a browser
 * refuses such a header before anything is sent), so it is refused before any network call.
 * Zod-free, so every runtime may use it.
 */

/** The schema's message for such a key; the setup form maps it to its own words. */
export const KEY_CHARACTERS_ISSUE = 'the key contains characters Zoho keys never have';

const EDGES = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g;
const KEY_CHARACTERS = /^[\x21-\x7E]*$/;

/** Without the harmless whitespace and zero-width marks at either end. */
export function trimKey(text: string): string {
  return text.replace(EDGES, '');
}

export function hasOnlyKeyCharacters(key: string): boolean {
  return KEY_CHARACTERS.test(key);
}
