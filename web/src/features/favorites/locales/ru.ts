// The favorites feature's messages (Russian, the source of the keys).
export const favoritesRu = {
  'favorites.title': 'Избранное',
  'favorites.empty': 'Здесь появятся мастера, которых вы отметите сердечком.',
  'favorites.add': 'Добавить {name} в избранное',
  'favorites.remove': 'Убрать {name} из избранного',
  'favorites.add_short': 'В избранное',
  'favorites.remove_short': 'Убрать из избранного',
} as const satisfies Record<string, string>;
