export const favoriteKeys = {
  all: ['favorites'] as const,
  masters: () => ['favorites', 'masters'] as const,
};
