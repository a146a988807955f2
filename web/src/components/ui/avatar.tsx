function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : [parts[0] ?? '?'];
  return letters.map((p) => Array.from(p ?? '')[0] ?? '').join('').toUpperCase() || '?';
}

export function Avatar({ name, src, size = 'lg' }: { name: string; src: string | null; size?: 'md' | 'lg' }) {
  if (src) return <img className={`avatar avatar--${size}`} src={src} alt="" />;
  return (
    <span className={`avatar avatar--${size}`} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
