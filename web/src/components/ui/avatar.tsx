import { useState } from 'react';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : [parts[0] ?? '?'];
  return letters.map((p) => Array.from(p ?? '')[0] ?? '').join('').toUpperCase() || '?';
}

const PIXELS = { md: 40, lg: 64, xl: 96 } as const;

/**
 * A person's photo (`src`: the server's `avatar_url`, the 160×160 thumb), or their initials
 * when there is none or it fails to load. Decorative: the name is always written next to it.
 */
export function Avatar({ name, src, size = 'lg' }: { name: string; src: string | null | undefined; size?: keyof typeof PIXELS }) {
  const [failed, setFailed] = useState<string | null>(null);
  if (src && failed !== src) {
    return (
      <img
        className={`avatar avatar--${size}`}
        src={src}
        alt=""
        width={PIXELS[size]}
        height={PIXELS[size]}
        loading="lazy"
        decoding="async"
        data-testid="avatar-image"
        onError={() => setFailed(src)}
      />
    );
  }
  return (
    <span className={`avatar avatar--${size}`} aria-hidden="true" data-testid="avatar-initials">
      {initials(name)}
    </span>
  );
}
