import type { portfolioRu } from '@/features/portfolio/locales/ru';

export const portfolioEn: Record<keyof typeof portfolioRu, string> = {
  'portfolio.title': 'Portfolio',
  'portfolio.add': 'Add photos',
  'portfolio.add_hint': 'Show your work: up to 100 photos.',
  'portfolio.count': 'Photos: {n} of {max}',
  'portfolio.full': 'The portfolio already has 100 photos: delete some to add new ones.',
  'portfolio.empty_own': 'No photos yet.',
  'portfolio.added': 'Photo added to the portfolio',
  'portfolio.photo_n': 'Photo {n}',
  'portfolio.caption_for': 'Caption of photo {n}',
  'portfolio.caption_placeholder': 'A caption, e.g. “French manicure”',
  'portfolio.caption_save': 'Save',
  'portfolio.caption_saved': 'Caption saved',
  'portfolio.move_up': 'Move photo {n} up',
  'portfolio.move_down': 'Move photo {n} down',
  'portfolio.delete': 'Delete',
  'portfolio.delete_n': 'Delete photo {n}',
  'portfolio.delete_confirm': 'Delete this photo from the portfolio?',
  'portfolio.cancel': 'Cancel',
  'portfolio.open': 'Open photo: {name}',
  'portfolio.viewer.label': 'Portfolio: {name}',
};
