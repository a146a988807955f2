import { useState } from 'react';
import { useI18n } from '@/lib/i18n';

const SHORT_CHARS = 220;
const SHORT_LINES = 4;

/** Where a long text is cut: after four lines or about 220 characters, at a word. */
export function shortVersion(text: string): string | null {
  const lines = text.split('\n');
  let cut = text.length;
  if (lines.length > SHORT_LINES) cut = lines.slice(0, SHORT_LINES).join('\n').length;
  if (cut > SHORT_CHARS) {
    const space = text.lastIndexOf(' ', SHORT_CHARS);
    cut = space > SHORT_CHARS / 2 ? space : SHORT_CHARS;
  }
  return cut < text.length ? text.slice(0, cut).trimEnd() : null;
}

/** A post's text with "more" when it is long. */
export function PostText({ text }: { text: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const short = shortVersion(text);
  return (
    <p className="post-text" data-testid="post-text">
      {open || short === null ? text : `${short}… `}
      {!open && short !== null && (
        <button type="button" className="post-text__more" onClick={() => setOpen(true)} data-testid="post-text-more">
          {t('posts.more')}
        </button>
      )}
    </p>
  );
}
