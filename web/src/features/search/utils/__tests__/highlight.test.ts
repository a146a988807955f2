import { describe, expect, it } from 'vitest';
import { highlightText, parseHighlight, unescapeHtml } from '@/features/search/utils/highlight';

describe('parseHighlight', () => {
  it('splits on <mark> and </mark>', () => {
    expect(parseHighlight('Гель <mark>маникюр</mark> и <mark>педикюр</mark>')).toEqual([
      { text: 'Гель ', marked: false },
      { text: 'маникюр', marked: true },
      { text: ' и ', marked: false },
      { text: 'педикюр', marked: true },
    ]);
  });

  it('decodes the entities once and keeps anything tag-like as text', () => {
    const parts = parseHighlight('&lt;img src=x onerror=alert(1)&gt; <mark>R&amp;B</mark> &quot;x&quot; &#39;y&#39; &amp;lt;');
    expect(parts).toEqual([
      { text: '<img src=x onerror=alert(1)> ', marked: false },
      { text: 'R&B', marked: true },
      { text: ' "x" \'y\' &lt;', marked: false },
    ]);
  });

  it('leaves unknown entities and stray ampersands alone', () => {
    expect(unescapeHtml('a &nbsp; b & c &#x41; &#0;')).toBe('a &nbsp; b & c A &#0;');
    expect(highlightText('<mark>a</mark>b')).toBe('ab');
  });
});
