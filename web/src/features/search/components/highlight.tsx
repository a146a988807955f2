import { Fragment, useMemo } from 'react';
import { parseHighlight } from '@/features/search/utils/highlight';
import '@/features/search/styles/search.css';

/**
 * The server's highlight (escaped text with <mark>…</mark>) as React text nodes and <mark>
 * elements: nothing of it is ever parsed as HTML.
 */
export function Highlight({ html, className, 'data-testid': testId }: { html: string; className?: string; 'data-testid'?: string }) {
  const parts = useMemo(() => parseHighlight(html), [html]);
  return (
    <span className={className} data-testid={testId}>
      {parts.map((part, i) =>
        part.marked ? (
          <mark key={i} className="search-mark">
            {part.text}
          </mark>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </span>
  );
}
