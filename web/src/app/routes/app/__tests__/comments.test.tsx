import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installIntersectionObserver } from '@/testing/intersection-observer';
import { pdb, repliesOf, seedComment, seedPost } from '@/testing/mocks/posts-db';
import { cardOf, client, master, openApp, signIn } from '@/testing/posts';
import { waitForPath } from '@/testing/test-utils';

let io: ReturnType<typeof installIntersectionObserver>;
beforeEach(() => {
  io = installIntersectionObserver();
});
afterEach(() => {
  io.uninstall();
});

const texts = (root: HTMLElement, testId: 'comment' | 'reply') =>
  within(root)
    .queryAllByTestId(testId)
    .map((c) => within(c).getByTestId('comment-text').textContent);

describe('comments', () => {
  it('opens the sheet oldest first, loads the other replies and posts a reply to a reply under its comment', async () => {
    const { user: maria } = master();
    const post = seedPost(maria, { text: 'Френч' });
    const [vera, gleb, dina] = [client('Вера'), client('Глеб'), client('Дина')];
    const first = seedComment(post, vera, 'Какой цвет?');
    const replies = ['Бежевый', 'А база?', 'Камуфляж', 'Спасибо!'].map((text, i) => seedComment(post, i % 2 ? gleb : maria, text, first));
    seedComment(post, dina, 'Очень аккуратно');
    const anna = client();
    signIn(anna);
    const { user } = await openApp('/');

    const card = await waitFor(() => cardOf(post.id));
    expect(within(card).getByTestId('comment-count')).toHaveTextContent('6');
    await user.click(within(card).getByRole('button', { name: 'Комментарии: 6' }));
    const sheet = await screen.findByRole('dialog', { name: 'Комментарии (6)' });

    await waitFor(() => expect(texts(sheet, 'comment')).toEqual(['Какой цвет?', 'Очень аккуратно']));
    // The first two replies come with their comment; the rest on demand.
    expect(texts(sheet, 'reply')).toEqual(['Бежевый', 'А база?']);
    await user.click(within(sheet).getByRole('button', { name: 'Показать ещё ответы (2)' }));
    await waitFor(() => expect(texts(sheet, 'reply')).toEqual(['Бежевый', 'А база?', 'Камуфляж', 'Спасибо!']));
    expect(pdb.calls.replies).toEqual([first.id]);
    expect(within(sheet).queryByTestId('replies-more')).not.toBeInTheDocument();

    // "Reply" on a reply answers its top-level comment.
    const gleb1 = within(sheet).getAllByTestId('reply')[1]!;
    await user.click(within(gleb1).getByRole('button', { name: 'Ответить' }));
    expect(within(sheet).getByTestId('comment-reply-to')).toHaveTextContent('Ответ для Глеб');
    const input = within(sheet).getByLabelText('Ответ для Глеб');
    expect(input).toHaveFocus();
    await user.type(input, 'Мне тоже интересно');
    await user.click(within(sheet).getByRole('button', { name: 'Отправить' }));

    await waitFor(() => expect(texts(sheet, 'reply').at(-1)).toBe('Мне тоже интересно'));
    expect(pdb.calls.comments).toEqual([{ postId: post.id, body: { text: 'Мне тоже интересно', parent_id: first.id } }]);
    expect(repliesOf(first.id).map((c) => c.text)).toContain('Мне тоже интересно');
    expect(within(sheet).queryByTestId('comment-reply-to')).not.toBeInTheDocument();
    expect(within(cardOf(post.id)).getByTestId('comment-count')).toHaveTextContent('7');

    // A comment on the post goes at the end.
    await user.type(within(sheet).getByLabelText('Комментарий'), 'Запишусь!{Enter}');
    await waitFor(() => expect(texts(sheet, 'comment')).toEqual(['Какой цвет?', 'Очень аккуратно', 'Запишусь!']));
    expect(within(cardOf(post.id)).getByTestId('comment-count')).toHaveTextContent('8');
    // Esc closes the sheet.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(replies).toHaveLength(4);
  });

  it('edits and deletes my own comment; others’ can only be answered', async () => {
    const { user: maria } = master();
    const post = seedPost(maria, { text: 'Педикюр' });
    const anna = client();
    const mine = seedComment(post, anna, 'Сколко стоит?');
    seedComment(post, client('Вера'), 'Красиво');
    signIn(anna);
    const { user } = await openApp(`/posts/${post.id}`);

    const thread = await screen.findByTestId('comment-thread');
    await waitFor(() => expect(texts(thread, 'comment')).toEqual(['Сколко стоит?', 'Красиво']));
    const [own, other] = within(thread).getAllByTestId('comment');
    expect(within(other!).queryByRole('button', { name: 'Изменить' })).not.toBeInTheDocument();
    expect(within(other!).queryByRole('button', { name: 'Удалить' })).not.toBeInTheDocument();

    await user.click(within(own!).getByRole('button', { name: 'Изменить' }));
    const edit = within(own!).getByLabelText('Текст комментария');
    await user.clear(edit);
    await user.type(edit, 'Сколько стоит?');
    await user.click(within(own!).getByRole('button', { name: 'Сохранить' }));
    await waitFor(() => expect(texts(thread, 'comment')[0]).toBe('Сколько стоит?'));
    expect(within(within(thread).getAllByTestId('comment')[0]!).getByText(/изменено/)).toBeInTheDocument();
    expect(pdb.comments.get(mine.id)?.text).toBe('Сколько стоит?');

    await user.click(within(within(thread).getAllByTestId('comment')[0]!).getByRole('button', { name: 'Удалить' }));
    await user.click(within(screen.getByRole('group', { name: 'Удалить комментарий?' })).getByRole('button', { name: 'Удалить' }));
    await waitFor(() => expect(texts(thread, 'comment')).toEqual(['Красиво']));
    expect(pdb.comments.has(mine.id)).toBe(false);
  });

  it('lets the post’s author delete anyone’s comment', async () => {
    const { user: maria } = master();
    const post = seedPost(maria, { text: 'Стрижка' });
    const spam = seedComment(post, client('Спамер'), 'Купите крипту');
    signIn(maria);
    const { user } = await openApp(`/posts/${post.id}`);
    const thread = await screen.findByTestId('comment-thread');
    const comment = await within(thread).findByTestId('comment');
    expect(within(comment).queryByRole('button', { name: 'Изменить' })).not.toBeInTheDocument();
    await user.click(within(comment).getByRole('button', { name: 'Удалить' }));
    await user.click(within(screen.getByRole('group', { name: 'Удалить комментарий?' })).getByRole('button', { name: 'Удалить' }));
    await waitFor(() => expect(within(thread).getByTestId('comments-empty')).toBeInTheDocument());
    expect(pdb.comments.has(spam.id)).toBe(false);
  });

  it('pages through many comments as the end comes into sight', async () => {
    const { user: maria } = master();
    const post = seedPost(maria, { text: 'Много' });
    for (let i = 1; i <= 25; i++) seedComment(post, client('Гость'), `Комментарий ${i}`);
    signIn(client());
    await openApp(`/posts/${post.id}`);
    const thread = await screen.findByTestId('comment-thread');
    await waitFor(() => expect(texts(thread, 'comment')).toHaveLength(20));
    expect(texts(thread, 'comment')[0]).toBe('Комментарий 1');
    io.scrollIntoView();
    await waitFor(() => expect(texts(thread, 'comment')).toHaveLength(25));
    expect(texts(thread, 'comment').at(-1)).toBe('Комментарий 25');
  });
});

describe('a post’s own page', () => {
  it('shows the post with its comments open, and leaves for the feed after the author deletes it', async () => {
    const { user: maria } = master();
    const post = seedPost(maria, { text: 'Один пост' });
    seedComment(post, client('Вера'), 'Класс');
    signIn(maria);
    const { user, sockets } = await openApp(`/posts/${post.id}`);
    expect(await screen.findByTestId('post-card')).toHaveAttribute('data-post-id', post.id);
    expect(await within(screen.getByTestId('comment-thread')).findByText('Класс')).toBeInTheDocument();
    // The open post is watched for live counts.
    await waitFor(() => expect(sockets.emitted('post:watch').flatMap((e) => (e.payload as { ids: string[] }).ids)).toContain(post.id));

    await user.click(screen.getByRole('button', { name: 'Действия с публикацией' }));
    await user.click(screen.getByRole('menuitem', { name: 'Удалить' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Удалить публикацию?' })).getByRole('button', { name: 'Удалить' }));
    await waitForPath('/');
  });

  it('says so when the post is gone', async () => {
    signIn(client());
    await openApp('/posts/70000000-0000-4000-8000-000000000999');
    expect(await screen.findByTestId('post-error')).toHaveTextContent('Публикация не найдена');
  });
});
