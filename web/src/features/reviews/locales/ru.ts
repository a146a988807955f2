// The reviews feature's messages (Russian, the source of the keys).
export const reviewsRu = {
  'reviews.title': 'Отзывы',
  'reviews.none': 'Отзывов пока нет',
  'reviews.rating': 'Оценка',
  'reviews.stars': '{n} из 5',
  'reviews.text': 'Отзыв (необязательно)',
  'reviews.submit': 'Отправить отзыв',
  'reviews.thanks': 'Спасибо за отзыв!',
  'reviews.exists': 'Отзыв на эту запись уже оставлен',
  'reviews.not_completed': 'Отзыв можно оставить только после состоявшегося визита',
  'reviews.master_reply': 'Ответ мастера',
  'reviews.reply': 'Ответить',
  'reviews.reply_label': 'Ваш ответ',
  'reviews.reply_submit': 'Опубликовать ответ',
} as const satisfies Record<string, string>;
