// The server's `highlight` is HTML-escaped text whose only markup is <mark>…</mark>. It is
// turned into text pieces here, never parsed as HTML: whatever else looks like a tag stays
// text, and the entities are decoded once (so "&amp;lt;" reads "&lt;", not "<").

export type HighlightPart = { text: string; marked: boolean };

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function codePoint(value: number, original: string): string {
  return Number.isInteger(value) && value > 0 && value <= 0x10ffff ? String.fromCodePoint(value) : original;
}

/** Decodes &amp; &lt; &gt; &quot; &#39; (and any numeric reference); anything else is left as it is. */
export function unescapeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] === '#') {
      const hex = body[1] === 'x' || body[1] === 'X';
      return codePoint(parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10), entity);
    }
    return NAMED[body.toLowerCase()] ?? entity;
  });
}

/** "a <mark>b</mark> c" → [{a, plain}, {b, marked}, {c, plain}]; empty pieces dropped. */
export function parseHighlight(html: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let marked = false;
  for (const piece of html.split(/(<\/?mark>)/i)) {
    const tag = piece.toLowerCase();
    if (tag === '<mark>') marked = true;
    else if (tag === '</mark>') marked = false;
    else if (piece) parts.push({ text: unescapeHtml(piece), marked });
  }
  return parts;
}

/** The highlight as plain text (for labels). */
export function highlightText(html: string): string {
  return parseHighlight(html)
    .map((p) => p.text)
    .join('');
}
