import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Avatar } from '@/components/ui/avatar';
import { Photo } from '@/components/ui/photo';
import { blurhashDataUrl } from '@/lib/blurhash';
import { TEST_BLURHASH, variantsFor } from '@/testing/mocks/media-db';

const ID = '50000000-0000-4000-8000-000000000001';
const photo = { variants: variantsFor(ID), placeholder: TEST_BLURHASH, width: 1600, height: 1200 };

describe('Photo', () => {
  it('paints the BlurHash until the image has loaded', () => {
    render(<Photo photo={photo} alt="Френч" sizes="200px" />);
    const box = screen.getByTestId('photo');
    const img = screen.getByRole('img', { name: 'Френч' });

    expect(box).toHaveAttribute('data-state', 'loading');
    expect(box.style.backgroundImage).toContain('data:image/bmp;base64,');
    fireEvent.load(img);
    expect(box).toHaveAttribute('data-state', 'loaded');
    expect(box.style.backgroundImage).toBe('');
  });

  it('offers every variant in srcset, WebP first, lazily, with its size against layout shift', () => {
    const { container } = render(<Photo photo={photo} alt="" sizes="(min-width: 640px) 200px, 33vw" />);
    const img = container.querySelector('img')!;
    const origin = window.location.origin;
    expect(img).toHaveAttribute(
      'srcset',
      `${origin}/media/${ID}/thumb.jpg 160w, ${origin}/media/${ID}/medium.jpg 640w, ${origin}/media/${ID}/large.jpg 1280w`,
    );
    expect(img).toHaveAttribute('sizes', '(min-width: 640px) 200px, 33vw');
    expect(img).toHaveAttribute('loading', 'lazy');
    expect(img).toHaveAttribute('width', '160');
    expect(img).toHaveAttribute('height', '160');
    const webp = container.querySelector('source[type="image/webp"]')!;
    expect(webp.getAttribute('srcset')).toMatch(/thumb\.webp 160w, .*medium\.webp 640w, .*large\.webp 1280w$/);
  });

  it('keeps the photo’s shape and leaves the square thumb out when shown uncropped', () => {
    const { container } = render(<Photo photo={photo} alt="" fit="natural" />);
    const img = container.querySelector('img')!;
    expect(img.getAttribute('srcset')).not.toContain('thumb');
    expect(img).toHaveAttribute('width', '640');
    expect(img).toHaveAttribute('height', '480');
    expect(screen.getByTestId('photo').style.aspectRatio).toBe('640 / 480');
  });

  it('shows a quiet fallback when the image fails to load', () => {
    render(<Photo photo={photo} alt="Френч" />);
    fireEvent.error(screen.getByRole('img', { name: 'Френч' }));
    expect(screen.getByTestId('photo-failed')).toHaveTextContent('Фото недоступно');
  });

  it('reports a failed load, and starts over when new links for the photo arrive', () => {
    const onError = vi.fn();
    const { rerender } = render(<Photo photo={photo} alt="Френч" fit="natural" onError={onError} />);
    fireEvent.error(screen.getByRole('img', { name: 'Френч' }));
    expect(onError).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('photo-failed')).toBeInTheDocument();

    // The same photo with freshly signed URLs (a refetch after the old links expired).
    const fresh = { ...photo, variants: variantsFor(ID) };
    fresh.variants.medium = { ...fresh.variants.medium, url: `${fresh.variants.medium.url}?sig=new` };
    rerender(<Photo photo={fresh} alt="Френч" fit="natural" onError={onError} />);
    expect(screen.getByTestId('photo')).toHaveAttribute('data-state', 'loading');
    expect(screen.getByRole('img', { name: 'Френч' })).toBeInTheDocument();
  });

  it('decodes a BlurHash to a small bitmap, and nothing for a bad one', () => {
    const url = blurhashDataUrl(TEST_BLURHASH, 1600, 1200)!;
    const bytes = atob(url.split(',')[1]!);
    expect(bytes.slice(0, 2)).toBe('BM');
    // 32×24 pixels, 24 bits each (rows of 96 bytes), after a 54-byte header.
    expect(bytes.length).toBe(54 + 96 * 24);
    expect(blurhashDataUrl('not a hash')).toBeNull();
  });
});

describe('Avatar', () => {
  it('shows the photo when there is one, initials otherwise or when it fails', () => {
    const { rerender } = render(<Avatar name="Анна Петрова" src={null} />);
    expect(screen.getByTestId('avatar-initials')).toHaveTextContent('АП');

    rerender(<Avatar name="Анна Петрова" src="https://cdn.test/a.webp" />);
    const img = screen.getByTestId('avatar-image');
    expect(img).toHaveAttribute('src', 'https://cdn.test/a.webp');
    expect(img).toHaveAttribute('loading', 'lazy');
    fireEvent.error(img);
    expect(screen.getByTestId('avatar-initials')).toHaveTextContent('АП');
  });
});
