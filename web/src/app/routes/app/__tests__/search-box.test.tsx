import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RECENT_SEARCHES_STORAGE_KEY } from '@/features/search/utils/recent-searches';
import { MANICURE_ID, seedMaster } from '@/testing/mocks/marketplace-db';
import { lastSearch, sdb } from '@/testing/mocks/search-db';
import { renderApp, seedUser, waitForPath } from '@/testing/test-utils';

const input = () => screen.getByRole('combobox', { name: 'Поиск' });
const options = () => within(screen.getByTestId('search-options')).queryAllByRole('option');
const optionTexts = () => options().map((o) => `${o.getAttribute('data-kind')}:${o.querySelector('.search-box__text')?.textContent}`);

async function openApp(url = '/profile') {
  seedUser({}, { loggedIn: true });
  const view = renderApp(url);
  await screen.findByRole('combobox', { name: 'Поиск' });
  return view;
}

describe('the header search box', () => {
  it('asks for suggestions once the typing pauses, and shows each kind', async () => {
    const { master } = seedMaster({ user: { name: 'Марина' } });
    const { user } = await openApp();

    await user.type(input(), 'ма');
    await waitFor(() => expect(options().length).toBeGreaterThan(0));
    // One request for what was typed, none for each keystroke.
    expect(sdb.calls.suggests).toEqual(['ма']);
    expect(optionTexts()).toEqual(['category:Маникюр', 'category:Массаж', 'service:Маникюр с покрытием', 'master:Марина']);
    expect(input()).toHaveAttribute('aria-expanded', 'true');
    expect(input()).toHaveAttribute('aria-controls', screen.getByRole('listbox', { name: 'Подсказки' }).id);
    expect(master.id).toBeTruthy();
    // Typing goes nowhere by itself.
    expect(window.location.pathname).toBe('/profile');
  });

  it('moves through the options with the arrows, Escape closes, Enter chooses', async () => {
    const { master } = seedMaster({ user: { name: 'Марина' } });
    const { user } = await openApp();

    await user.type(input(), 'ма');
    await waitFor(() => expect(options()).toHaveLength(4));
    await user.keyboard('{ArrowDown}');
    expect(options()[0]).toHaveAttribute('aria-selected', 'true');
    expect(input()).toHaveAttribute('aria-activedescendant', options()[0]!.id);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(options()[2]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowUp}');
    expect(options()[1]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    // Past the first: round to the last.
    expect(options()[3]).toHaveAttribute('aria-selected', 'true');

    await user.keyboard('{Escape}');
    expect(input()).toHaveAttribute('aria-expanded', 'false');
    expect(input()).not.toHaveAttribute('aria-activedescendant');
    await user.keyboard('{ArrowDown}');
    expect(input()).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{ArrowUp}{Enter}');
    // The last one is the master: their page opens.
    await waitForPath(`/masters/${master.id}`);
    expect(input()).toHaveValue('');
  });

  it('Enter searches what was typed, and the results page keeps it in the box and the URL', async () => {
    seedMaster();
    const { user } = await openApp();

    await user.type(input(), 'маник{Enter}');
    await waitForPath('/search');
    expect(new URLSearchParams(window.location.search).get('q')).toBe('маник');
    await waitFor(() => expect(lastSearch().get('q')).toBe('маник'));
    expect(input()).toHaveValue('маник');
    expect(input()).toHaveAttribute('aria-expanded', 'false');
    expect(JSON.parse(window.localStorage.getItem(RECENT_SEARCHES_STORAGE_KEY)!)).toEqual(['маник']);
  });

  it('a category opens the results in it; a service searches services; a query searches its text', async () => {
    seedMaster();
    sdb.corrections.set('vfybr', 'маникюр');
    const { user } = await openApp();

    await user.type(input(), 'мани');
    await waitFor(() => expect(optionTexts()).toContain('category:Маникюр'));
    await user.click(options().find((o) => o.dataset.kind === 'category')!);
    await waitForPath('/search');
    expect(Object.fromEntries(new URLSearchParams(window.location.search))).toEqual({ category: MANICURE_ID });
    await waitFor(() => expect(lastSearch().get('category_id')).toBe(MANICURE_ID));

    await user.clear(input());
    await user.type(input(), 'мани');
    await waitFor(() => expect(optionTexts()).toContain('service:Маникюр с покрытием'));
    await user.click(options().find((o) => o.dataset.kind === 'service')!);
    await waitFor(() =>
      expect(Object.fromEntries(new URLSearchParams(window.location.search))).toEqual({ q: 'Маникюр с покрытием', type: 'services' }),
    );

    // On the wrong layout: the server suggests the word it means.
    await user.clear(input());
    await user.type(input(), 'vfyb');
    await waitFor(() => expect(optionTexts()).toEqual(['query:маникюр']));
    await user.keyboard('{ArrowDown}{Enter}');
    // The tab stays: searching from the Services tab searches services.
    await waitFor(() =>
      expect(Object.fromEntries(new URLSearchParams(window.location.search))).toEqual({ q: 'маникюр', type: 'services' }),
    );
    expect(input()).toHaveValue('маникюр');
  });

  it('shows recent searches when focused and empty, searches one, and clears them', async () => {
    window.localStorage.setItem(RECENT_SEARCHES_STORAGE_KEY, JSON.stringify(['стрижка', 'массаж спины']));
    const { user } = await openApp();

    await user.click(input());
    const list = screen.getByRole('listbox', { name: 'Недавние запросы' });
    expect(within(list).getAllByRole('option').map((o) => o.textContent)).toEqual(['стрижкаНедавний запрос', 'массаж спиныНедавний запрос']);
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    await waitForPath('/search');
    expect(new URLSearchParams(window.location.search).get('q')).toBe('массаж спины');
    // Searched again: now the newest.
    expect(JSON.parse(window.localStorage.getItem(RECENT_SEARCHES_STORAGE_KEY)!)).toEqual(['массаж спины', 'стрижка']);

    await user.clear(input());
    expect(options().map((o) => o.dataset.kind)).toEqual(['recent', 'recent']);
    await user.click(screen.getByTestId('search-clear-recent'));
    expect(window.localStorage.getItem(RECENT_SEARCHES_STORAGE_KEY)).toBeNull();
    expect(input()).toHaveAttribute('aria-expanded', 'false');
    expect(input()).toHaveFocus();
  });

  it('Escape on a closed list clears the text; Back shows the query of the page it returns to', async () => {
    seedMaster();
    const { user } = await openApp();

    await user.type(input(), 'маникюр{Enter}');
    await waitForPath('/search');
    await user.clear(input());
    await user.type(input(), 'стрижка{Enter}');
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('q')).toBe('стрижка'));
    window.history.back();
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('q')).toBe('маникюр'));
    await waitFor(() => expect(input()).toHaveValue('маникюр'));

    await user.click(input());
    await user.keyboard('{Escape}');
    await user.keyboard('{Escape}');
    expect(input()).toHaveValue('');
  });
});
