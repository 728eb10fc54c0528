/**
 * An email address as Zoho accepts one: a local part of letters, digits and `_ + - . ' &`
 * (`o'brien@…`, `name+tag@…`), any case, and a domain of ASCII labels, an internationalised
 * domain in its punycode form (`xn--…`, top-level domain included). Zod-free, so the content
 * script may use it too.
 */
const MAX_EMAIL_LENGTH = 254;

const LOCAL_PART = /^[A-Za-z0-9_'+&-](?:[A-Za-z0-9_'+&.-]*[A-Za-z0-9_'+&-])?$/;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const TOP_LEVEL = /^(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;

export function isEmailAddress(text: string): boolean {
  if (text.length > MAX_EMAIL_LENGTH) return false;
  const at = text.lastIndexOf('@');
  if (at <= 0) return false;
  const local = text.slice(0, at);
  const labels = text.slice(at + 1).split('.');
  if (local.length > 64 || !LOCAL_PART.test(local) || local.includes('..')) return false;
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return false;
  return TOP_LEVEL.test(labels[labels.length - 1]!);
}
