import { act, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installIntersectionObserver } from '@/testing/intersection-observer';
import { API } from '@/testing/mocks/handlers';
import { expireFeedSnapshots, pdb, postView, seedLikes, seedPost, seedPosts, seedRepost } from '@/testing/mocks/posts-db';
import { server } from '@/testing/mocks/server';
import { cardOf, cards, cardTexts, client, master, openApp, signIn } from '@/testing/posts';
import { plainSpaces, waitForPath } from '@/testing/test-utils';
import { postsPageSchema } from '@/types/api';

let io: ReturnType<typeof installIntersectionObserver>;
beforeEach(() => {
  io = installIntersectionObserver();
});
afterEach(() => {
  io.uninstall();
  vi.unstubAllGlobals();
});

/** A browser that knows where it is; `permission` is what the user said to this site so far. */
function stubGeolocation(permission: PermissionState) {
  const getCurrentPosition = vi.fn((ok: PositionCallback) => ok({ coords: { latitude: 55.75123, longitude: 37.61789 } } as GeolocationPosition));
  vi.stubGlobal(
    'navigator',
    Object.assign(Object.create(navigator), {
      geolocation: { getCurrentPosition },
      permissions: { query: vi.fn(async () => ({ state: permission })) },
    }),
  );
  return getCurrentPosition;
}

const feedCalls = () => pdb.calls.feeds.map((p) => ({ tab: p.get('tab'), cursor: p.get('cursor') }));

describe('the feed', () => {
  it('is the home page: the newest posts first, the next page on scroll, each post once', async () => {
    const { user: maria } = master();
    seedPosts(maria, 25);
    signIn(client());
    await openApp('/');

    await waitFor(() => expect(cards()).toHaveLength(20));
    expect(cardTexts().slice(0, 3)).toEqual(['Пост 25', 'Пост 24', 'Пост 23']);
    expect(screen.getByRole('tab', { name: 'Для вас' })).toHaveAttribute('aria-selected', 'true');
    expect(within(cards()[0]!).getByTestId('post-author')).toHaveAttribute('href', `/users/${maria.id}`);
    // Photos paint their BlurHash until they load.
    expect(within(cards()[0]!).getByTestId('photo').style.backgroundImage).toMatch(/^url\("data:image\/bmp;base64,/);

    io.scrollIntoView();
    await waitFor(() => expect(cards()).toHaveLength(25));
    expect(cardTexts().at(-1)).toBe('Пост 1');
    expect(feedCalls()).toEqual([
      { tab: 'for_you', cursor: null },
      { tab: 'for_you', cursor: expect.stringMatching(/:20$/) },
    ]);
    expect(screen.getByTestId('feed-end')).toBeInTheDocument();
  });

  it('shows a post reached twice only once, and says who reposted', async () => {
    const { user: maria } = master();
    const [firstPost, second] = seedPosts(maria, 2);
    const vera = client('Вера');
    seedRepost(firstPost!, vera, 'Смотрите, какая красота');
    signIn(client());
    const page1 = { items: [postView(firstPost!, undefined), postView(second!, undefined)], next_cursor: 'p2' };
    // The next page repeats a post the first one had (e.g. fetched after a live insert).
    const page2 = { items: [postView(second!, undefined)], next_cursor: null };
    server.use(
      http.get(`${API}/feed`, ({ request }) =>
        HttpResponse.json(postsPageSchema.parse(new URL(request.url).searchParams.get('cursor') ? page2 : page1)),
      ),
    );
    const first = await openApp('/');
    await waitFor(() => expect(cards()).toHaveLength(2));
    io.scrollIntoView();
    await waitFor(() => expect(screen.getByTestId('feed-end')).toBeInTheDocument());
    expect(cards()).toHaveLength(2);
    first.unmount();

    // Through the real mock: the repost is the newest way in, so the post shows once, as Вера's repost.
    server.resetHandlers();
    await openApp('/?tab=following');
    await waitFor(() => expect(cards()).toHaveLength(2));
    expect(cards()[0]).toHaveAttribute('data-post-id', firstPost!.id);
    const reposted = within(cards()[0]!).getByTestId('post-reposted-by');
    expect(reposted).toHaveTextContent('Вера сделал(а) репост');
    expect(within(reposted).getByTestId('post-repost-comment')).toHaveTextContent('Смотрите, какая красота');
    expect(within(cards()[1]!).queryByTestId('post-reposted-by')).not.toBeInTheDocument();
  });

  it('starts again from the top, without a word, when the snapshot has expired', async () => {
    const { user: maria } = master();
    seedPosts(maria, 25);
    signIn(client());
    await openApp('/');
    await waitFor(() => expect(cards()).toHaveLength(20));

    expireFeedSnapshots();
    seedPost(maria, { text: 'Свежая работа', created_at: new Date().toISOString() });
    io.scrollIntoView();

    await waitFor(() => expect(cardTexts()[0]).toBe('Свежая работа'));
    expect(screen.queryByTestId('feed-page-error')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(feedCalls()).toEqual([
      { tab: 'for_you', cursor: null },
      { tab: 'for_you', cursor: expect.stringMatching(/:20$/) },
      { tab: 'for_you', cursor: null },
    ]);
    // Back at the top: one page, then the next one from the new snapshot.
    expect(cards()).toHaveLength(20);
    io.scrollIntoView();
    await waitFor(() => expect(cards()).toHaveLength(26));
    expect(new Set(cardTexts()).size).toBe(26);
  });

  it('shows "new posts" on feed:new_posts; the pill loads them at the top', async () => {
    const { user: maria } = master();
    seedPosts(maria, 3);
    signIn(client());
    const { sockets, user } = await openApp('/');
    await waitFor(() => expect(cards()).toHaveLength(3));
    expect(screen.queryByTestId('feed-new-posts')).not.toBeInTheDocument();

    seedPost(maria, { text: 'Только что', created_at: new Date().toISOString() });
    act(() => sockets.push('feed:new_posts', { count: 1 }));
    await user.click(await screen.findByRole('button', { name: /Новые посты/ }));

    await waitFor(() => expect(cardTexts()[0]).toBe('Только что'));
    expect(screen.queryByTestId('feed-new-posts')).not.toBeInTheDocument();
  });

  it('switches tabs and explains an empty one', async () => {
    signIn(client());
    const { user } = await openApp('/');
    expect(await screen.findByTestId('feed-empty')).toHaveTextContent('Здесь пока пусто');
    await user.click(screen.getByRole('tab', { name: 'Подписки' }));
    await waitFor(() => expect(screen.getByTestId('feed-empty')).toHaveTextContent('на кого вы подписаны'));
    expect(window.location.search).toBe('?tab=following');
    await user.click(screen.getByRole('tab', { name: 'Рядом' }));
    await waitFor(() => expect(feedCalls().map((c) => c.tab)).toEqual(['for_you', 'following', 'nearby']));
    // No geolocation in this browser: the server uses the profile's place.
    expect(pdb.calls.feeds.every((p) => !p.has('lat') && !p.has('lon'))).toBe(true);
  });

  it('sends the device position for "for you" once allowed, and asks for it on "nearby"', async () => {
    const locate = stubGeolocation('prompt');
    signIn(client());
    const { user } = await openApp('/');
    await screen.findByTestId('feed-empty');
    // Not allowed yet: the home page does not ask.
    expect(locate).not.toHaveBeenCalled();
    expect(pdb.calls.feeds[0]!.has('lat')).toBe(false);

    await user.click(screen.getByRole('tab', { name: 'Рядом' }));
    await waitFor(() => expect(pdb.calls.feeds.at(-1)!.get('tab')).toBe('nearby'));
    expect(locate).toHaveBeenCalledTimes(1);
    expect(Object.fromEntries(pdb.calls.feeds.at(-1)!)).toMatchObject({ lat: '55.751', lon: '37.618' });

    // Now known: "for you" sends it too, without asking again.
    await user.click(screen.getByRole('tab', { name: 'Для вас' }));
    await waitFor(() => expect(Object.fromEntries(pdb.calls.feeds.at(-1)!)).toMatchObject({ tab: 'for_you', lat: '55.751', lon: '37.618' }));
    expect(locate).toHaveBeenCalledTimes(1);
  });

  it('uses the position at once where the user already allowed it', async () => {
    stubGeolocation('granted');
    signIn(client());
    await openApp('/');
    await screen.findByTestId('feed-empty');
    expect(pdb.calls.feeds).toHaveLength(1);
    expect(Object.fromEntries(pdb.calls.feeds[0]!)).toMatchObject({ tab: 'for_you', lat: '55.751', lon: '37.618' });
  });

  it('shows an error with a retry when the feed cannot load', async () => {
    signIn(client());
    server.use(http.get(`${API}/feed`, () => HttpResponse.json({ title: 'Boom', status: 500 }, { status: 500, headers: { 'Content-Type': 'application/problem+json' } })));
    const { user } = await openApp('/');
    expect(await screen.findByTestId('feed-error')).toBeInTheDocument();
    server.resetHandlers();
    await user.click(screen.getByRole('button', { name: 'Повторить' }));
    await waitFor(() => expect(screen.getByTestId('feed-empty')).toBeInTheDocument());
  });
});

describe('a post card', () => {
  it('likes at once and puts the like back with a toast when the server refuses', async () => {
    const { user: maria } = master();
    const post = seedPost(maria, { text: 'Френч' });
    seedLikes(post, [client('Вера'), client('Глеб')]);
    signIn(client());
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.use(
      http.put(`${API}/posts/:id/like`, async () => {
        await held;
        return HttpResponse.json({ title: 'Internal Server Error', status: 500 }, { status: 500, headers: { 'Content-Type': 'application/problem+json' } });
      }),
    );
    const { user } = await openApp('/');
    const like = await screen.findByRole('button', { name: 'Нравится, отметок: 2' });
    expect(like).toHaveAttribute('aria-pressed', 'false');

    await user.click(like);
    // Before the server has answered.
    expect(within(cardOf(post.id)).getByTestId('like-count')).toHaveTextContent('3');
    expect(like).toHaveAttribute('aria-pressed', 'true');

    release();
    await waitFor(() => expect(within(cardOf(post.id)).getByTestId('like-count')).toHaveTextContent('2'));
    expect(like).toHaveAttribute('aria-pressed', 'false');
    expect(await screen.findByText('Не удалось поставить отметку «нравится»')).toBeInTheDocument();

    // And a like the server takes stays.
    server.resetHandlers();
    await user.click(like);
    await waitFor(() => expect(pdb.likes.get(post.id)?.size).toBe(3));
    expect(within(cardOf(post.id)).getByTestId('like-count')).toHaveTextContent('3');
  });

  it('reposts with a comment, and takes the repost back', async () => {
    const { user: maria } = master();
    const post = seedPost(maria, { text: 'Омбре' });
    const anna = client();
    signIn(anna);
    const { user } = await openApp('/');
    const card = await waitFor(() => cardOf(post.id));

    await user.click(within(card).getByRole('button', { name: 'Репост, всего: 0' }));
    const dialog = await screen.findByRole('dialog', { name: 'Репост' });
    await user.type(within(dialog).getByLabelText('Ваш комментарий (необязательно)'), 'Хочу так же');
    await user.click(within(dialog).getByRole('button', { name: 'Сделать репост' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(pdb.calls.reposts).toEqual([{ id: post.id, body: { comment: 'Хочу так же' } }]);
    expect(pdb.reposts).toMatchObject([{ user_id: anna.id, post_id: post.id, comment: 'Хочу так же' }]);
    const button = within(cardOf(post.id)).getByTestId('repost-button');
    expect(button).toHaveAttribute('aria-pressed', 'true');
    expect(button).toHaveTextContent('1');
    expect(await screen.findByText('Репост сделан')).toBeInTheDocument();

    await user.click(button);
    await user.click(within(await screen.findByRole('dialog', { name: 'Репост' })).getByRole('button', { name: 'Отменить репост' }));
    await waitFor(() => expect(within(cardOf(post.id)).getByTestId('repost-button')).toHaveAttribute('aria-pressed', 'false'));
    expect(pdb.reposts).toEqual([]);
  });

  it('"Записаться" opens the master’s booking with that service chosen', async () => {
    const { user: maria, master: m, service } = master();
    const post = seedPost(maria, { text: 'Маникюр с дизайном', service_id: service.id });
    signIn(client());
    const { user } = await openApp('/');
    const card = await waitFor(() => cardOf(post.id));
    const block = within(card).getByTestId('post-service');
    expect(block).toHaveTextContent('Маникюр с покрытием');
    expect(plainSpaces(within(block).getByTestId('post-service-price').textContent)).toBe('1 500 ₽');
    expect(within(block).getByTestId('post-service-duration')).toHaveTextContent('1 ч 30 мин');

    await user.click(within(block).getByRole('link', { name: 'Записаться: Маникюр с покрытием' }));
    await waitForPath(`/masters/${m.id}`);
    expect(new URLSearchParams(window.location.search).get('service')).toBe(service.id);
    const step = await screen.findByTestId('booking-step');
    expect(step).toHaveTextContent('Маникюр с покрытием');
    expect(screen.getByRole('button', { name: 'Выбрать услугу «Маникюр с покрытием»' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('lets the author edit the text and delete the post', async () => {
    const { user: maria } = master();
    const post = seedPost(maria, { text: 'Черновик' });
    signIn(maria);
    const { user } = await openApp('/');
    const card = await waitFor(() => cardOf(post.id));
    expect(within(card).queryByTestId('post-edited')).not.toBeInTheDocument();

    await user.click(within(card).getByRole('button', { name: 'Действия с публикацией' }));
    await user.click(screen.getByRole('menuitem', { name: 'Изменить' }));
    const text = within(card).getByTestId('post-edit-text');
    await user.clear(text);
    await user.type(text, 'Чистовик');
    await user.click(within(card).getByRole('button', { name: 'Сохранить' }));
    await waitFor(() => expect(within(cardOf(post.id)).getByTestId('post-text')).toHaveTextContent('Чистовик'));
    expect(within(cardOf(post.id)).getByTestId('post-edited')).toHaveTextContent('изменено');
    expect(pdb.posts.get(post.id)?.text).toBe('Чистовик');

    await user.click(within(cardOf(post.id)).getByRole('button', { name: 'Действия с публикацией' }));
    await user.click(screen.getByRole('menuitem', { name: 'Удалить' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Удалить публикацию?' })).getByRole('button', { name: 'Удалить' }));
    await waitFor(() => expect(cards()).toHaveLength(0));
    expect(pdb.posts.get(post.id)?.deleted).toBe(true);
    expect(await screen.findByText('Публикация удалена')).toBeInTheDocument();
  });

  it('asks for live counts of the posts on screen and shows post:updated', async () => {
    const { user: maria } = master();
    const post = seedPost(maria, { text: 'Live' });
    signIn(client());
    const { sockets } = await openApp('/');
    await waitFor(() => cardOf(post.id));

    io.scrollIntoView();
    await waitFor(() => expect(sockets.emitted('post:watch').flatMap((e) => (e.payload as { ids: string[] }).ids)).toContain(post.id));

    act(() => sockets.push('post:updated', { id: post.id, counts: { likes: 12, comments: 3, reposts: 1 } }));
    await waitFor(() => expect(within(cardOf(post.id)).getByTestId('like-count')).toHaveTextContent('12'));
    expect(within(cardOf(post.id)).getByTestId('comment-count')).toHaveTextContent('3');
    expect(within(cardOf(post.id)).getByTestId('repost-count')).toHaveTextContent('1');
  });

  it('goes through the photos with the arrows and the dots', async () => {
    const { user: maria } = master();
    const post = seedPost(maria, { text: 'Три фото', photos: 3 });
    signIn(client());
    const { user } = await openApp('/');
    const card = await waitFor(() => cardOf(post.id));
    const dots = within(card).getAllByTestId('carousel-dot');
    expect(dots).toHaveLength(3);
    expect(dots[0]).toHaveAttribute('aria-current', 'true');
    expect(within(card).getByRole('button', { name: 'Предыдущее фото' })).toBeDisabled();

    await user.click(within(card).getByRole('button', { name: 'Следующее фото' }));
    expect(dots[1]).toHaveAttribute('aria-current', 'true');
    await user.click(within(card).getByRole('button', { name: 'Фото 3' }));
    expect(dots[2]).toHaveAttribute('aria-current', 'true');
    expect(within(card).getByRole('button', { name: 'Следующее фото' })).toBeDisabled();
    const slides = within(card).getAllByTestId('carousel-slide');
    expect(slides.map((s) => s.getAttribute('aria-hidden'))).toEqual(['true', 'true', 'false']);
  });
});

describe('navigation', () => {
  it('gives masters a "new post" entry and clients none', async () => {
    signIn(client());
    const { unmount } = await openApp('/');
    const nav = await screen.findByRole('navigation', { name: 'Разделы' });
    expect(within(nav).getByRole('link', { name: 'Лента' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).queryByRole('link', { name: 'Новый пост' })).not.toBeInTheDocument();
    expect(screen.queryByTestId('feed-compose')).not.toBeInTheDocument();
    unmount();

    const again = await openApp('/posts/new');
    expect(await screen.findByTestId('post-new-forbidden')).toBeInTheDocument();
    expect(screen.queryByTestId('post-composer')).not.toBeInTheDocument();
    again.unmount();

    window.localStorage.clear();
    signIn(master('Ольга').user);
    await openApp('/');
    const masterNav = await screen.findByRole('navigation', { name: 'Разделы' });
    await waitFor(() => expect(within(masterNav).getByRole('link', { name: 'Новый пост' })).toHaveAttribute('href', '/posts/new'));
    expect(await screen.findByTestId('feed-compose')).toHaveAttribute('href', '/posts/new');
  });
});
