// The feed feature's messages (Russian, the source of the keys).
export const feedRu = {
  'feed.title': 'Лента',
  'feed.tabs': 'Разделы ленты',
  'feed.tab.for_you': 'Для вас',
  'feed.tab.following': 'Подписки',
  'feed.tab.nearby': 'Рядом',
  'feed.new_posts': 'Новые посты',
  'feed.end': 'Вы всё посмотрели. Загляните позже!',
  'feed.empty.for_you': 'Здесь пока пусто. Загляните к мастерам и подпишитесь на тех, чьи работы нравятся.',
  'feed.empty.following': 'Здесь появятся публикации тех, на кого вы подписаны, и ваших друзей.',
  'feed.empty.nearby': 'Рядом пока никто ничего не опубликовал.',
  'feed.find_masters': 'Найти мастеров',
  'feed.compose': 'Поделитесь новой работой',
} as const satisfies Record<string, string>;
