/**
 * A Desk thread as the panel's preview shows it: plain text only. Desk's `plainText` when it
 * sent one, else the content with its markup removed (scripts and styles with their text), the
 * entities decoded and the whitespace tidied. The panel renders the result as text, never as
 * HTML; this only makes it readable. The worker has no DOMParser, so markup is removed by pattern.
 */
import type { ThreadPreview } from '../../shared/protocol';
import type { Thread } from './schemas';

/** Longest text a preview carries; the rest is in Desk. */
const PREVIEW_MAX_CHARS = 2000;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return ENTITIES[name.toLowerCase()] ?? match;
  });
}

/** Text of an HTML fragment: blocks become line breaks, everything else the text between tags. */
function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?(-->|$)/g, '')
      .replace(/<(script|style|head|template|noscript)\b[\s\S]*?(<\/\1\s*>|$)/gi, '')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|li|tr|h[1-6]|blockquote|pre)\s*>/gi, '\n')
      .replace(/<[^>]*>?/g, ''),
  );
}

/** Collapsed spaces, at most one empty line in a row, no leading or trailing blank. */
function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function threadText(thread: Thread): string {
  if (thread.plainText) return thread.plainText;
  if (thread.content) {
    // Desk says which; when it does not, content that looks like markup is read as HTML.
    const html = thread.contentType ? /html/i.test(thread.contentType) : /<[a-z!/]/i.test(thread.content);
    return html ? htmlToText(thread.content) : thread.content;
  }
  return thread.summary ? decodeEntities(thread.summary) : '';
}

const AUTHOR_KIND: Record<string, ThreadPreview['authorKind']> = { END_USER: 'customer', AGENT: 'agent', TEAM: 'agent' };

export function toThreadPreview(thread: Thread): ThreadPreview {
  const full = tidyText(threadText(thread));
  const cut = full.length > PREVIEW_MAX_CHARS;
  const author = thread.author;
  const name = author?.name?.trim() || [author?.firstName, author?.lastName].filter((part) => part?.trim()).join(' ') || null;
  const direction = thread.direction === 'in' || thread.direction === 'out' ? thread.direction : null;
  return {
    authorName: name,
    authorKind: (author?.type ? AUTHOR_KIND[author.type.toUpperCase()] : null) ?? null,
    direction,
    channel: thread.channel?.trim().toUpperCase() || null,
    createdTime: thread.createdTime,
    text: cut ? `${full.slice(0, PREVIEW_MAX_CHARS).trimEnd()}…` : full,
    truncated: cut || thread.isContentTruncated === true,
  };
}
