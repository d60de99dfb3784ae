// Splitting bot text into plain text and http(s) links. Pure functions: no DOM, unit-tested in test/.

// A URL candidate: http:// or https:// followed by characters that are not whitespace, quotes, angle
// brackets, Hangul (Korean particles are written straight after a URL: "https://example.org에서") or
// CJK / full-width punctuation.
const URL_CANDIDATE =
  /\bhttps?:\/\/[^\s<>"'`\u1100-\u11ff\u3000-\u303f\u3130-\u318f\uac00-\ud7af\uff00-\uffef]+/giu;

// Punctuation that ends a sentence rather than a URL ("https://example.org." or "(https://example.org)").
const TRAILING = /[.,;:!?'")\]}]$/u;

/** Drops sentence punctuation from the end of a URL candidate; keeps balanced closing brackets. */
function trimTrailing(candidate) {
  let url = candidate;
  while (TRAILING.test(url)) {
    const last = url.at(-1);
    const open = { ")": "(", "]": "[", "}": "{" }[last];
    if (open && count(url, open) >= count(url, last)) break;
    url = url.slice(0, -1);
  }
  return url;
}

function count(text, char) {
  return text.split(char).length - 1;
}

/** The URL if it parses and is http(s) with a host, else null (javascript:, data:, broken URLs). */
export function safeHttpUrl(candidate) {
  let parsed;
  try {
    parsed = new URL(candidate);
  } catch {
    return null;
  }
  if ((parsed.protocol !== "http:" && parsed.protocol !== "https:") || !parsed.hostname) return null;
  return parsed.href;
}

/**
 * Splits text into segments: {type: "text", text} and {type: "link", text, href}. Only http(s) URLs
 * become links; the link text is the URL exactly as written.
 * @param {string} text
 * @returns {Array<{type: "text" | "link", text: string, href?: string}>}
 */
export function splitLinks(text) {
  const source = String(text ?? "");
  const segments = [];
  let position = 0;
  const pushText = (value) => {
    if (!value) return;
    const previous = segments.at(-1);
    if (previous && previous.type === "text") previous.text += value;
    else segments.push({ type: "text", text: value });
  };
  for (const match of source.matchAll(URL_CANDIDATE)) {
    const candidate = trimTrailing(match[0]);
    const href = safeHttpUrl(candidate);
    pushText(source.slice(position, match.index));
    if (href) segments.push({ type: "link", text: candidate, href });
    else pushText(candidate);
    position = match.index + candidate.length;
  }
  pushText(source.slice(position));
  return segments;
}
