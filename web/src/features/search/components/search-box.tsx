import { useId, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { MAX_QUERY_LENGTH, type SearchType } from '@/features/search/api/get-search-results';
import { useSuggestions, type Suggestion } from '@/features/search/api/get-suggestions';
import { useDebouncedValue } from '@/features/search/hooks/use-debounced-value';
import { useRecentSearches } from '@/features/search/hooks/use-recent-searches';
import { addRecentSearch, clearRecentSearches } from '@/features/search/utils/recent-searches';
import { searchFromParams, searchUrl } from '@/features/search/utils/search-params';
import { useI18n, type MessageKey } from '@/lib/i18n';
import '@/features/search/styles/search.css';

/** Suggestions are asked for once the typing pauses this long. */
export const SUGGEST_DEBOUNCE_MS = 200;

type Option = { kind: Suggestion['kind'] | 'recent'; text: string; id?: string | undefined };

const KIND_LABELS: Record<Option['kind'], MessageKey> = {
  category: 'search.box.kind.category',
  service: 'search.box.kind.service',
  master: 'search.box.kind.master',
  query: 'search.box.kind.query',
  recent: 'search.box.kind.recent',
};

const MAGNIFIER =
  'M10.5 4a6.5 6.5 0 1 0 4.03 11.6l4.43 4.44 1.41-1.41-4.43-4.44A6.5 6.5 0 0 0 10.5 4zm0 2a4.5 4.5 0 1 1 0 9 4.5 4.5 0 0 1 0-9z';

// Options are chosen on click; pressing on them must not take the focus from the input.
const keepFocus = (event: MouseEvent) => event.preventDefault();

/**
 * The header's search: an ARIA combobox over suggestions as you type (debounced), or this
 * browser's recent searches while it is empty. Enter searches what was typed (or the option
 * chosen with the arrows); a master opens their page, a category the results in it. The box
 * follows ?q= of the results page (Back shows the query searched), but typing navigates nowhere.
 */
export function SearchBox() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const id = useId();
  const listId = `${id}-list`;
  const formRef = useRef<HTMLFormElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const onResults = location.pathname === '/search';
  const urlQuery = onResults ? (params.get('q') ?? '') : null;
  const currentType: SearchType = onResults ? searchFromParams(params).type : 'masters';

  const [text, setText] = useState(urlQuery ?? '');
  const [shownUrlQuery, setShownUrlQuery] = useState(urlQuery);
  if (urlQuery !== shownUrlQuery) {
    // The results page's query changed (a search, Back, a link): show it.
    setShownUrlQuery(urlQuery);
    if (urlQuery !== null) setText(urlQuery);
  }

  const [open, setOpen] = useState(false);
  const typing = text.trim() !== '';
  const debounced = useDebouncedValue(text, SUGGEST_DEBOUNCE_MS);
  const suggestions = useSuggestions(typing ? debounced : '');
  const recent = useRecentSearches();
  const options: Option[] = typing
    ? (suggestions.data?.items ?? [])
    : recent.map((item) => ({ kind: 'recent' as const, text: item }));

  // The highlighted option belongs to the list it was picked in.
  const listKey = options.map((o) => `${o.kind}:${o.id ?? o.text}`).join('|');
  const [activeState, setActiveState] = useState({ key: '', index: -1 });
  const active = activeState.key === listKey ? activeState.index : -1;
  const setActive = (index: number) => setActiveState({ key: listKey, index });

  const expanded = open && options.length > 0;
  const optionId = (index: number) => `${id}-option-${index}`;

  const close = () => {
    setOpen(false);
    setActive(-1);
  };

  const search = (query: string, type: SearchType = currentType) => {
    const q = query.trim().slice(0, MAX_QUERY_LENGTH);
    addRecentSearch(q);
    setText(q);
    close();
    navigate(searchUrl({ q, type }));
    // On a phone this puts the keyboard away, so the results can be seen.
    inputRef.current?.blur();
  };

  const choose = (option: Option) => {
    if (option.kind === 'master' && option.id) {
      setText('');
      close();
      navigate(`/masters/${encodeURIComponent(option.id)}`);
    } else if (option.kind === 'category' && option.id) {
      setText('');
      close();
      navigate(searchUrl({ categoryId: option.id, type: currentType }));
    } else if (option.kind === 'service') {
      search(option.text, 'services');
    } else {
      search(option.text);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!open) {
          setOpen(true);
          return;
        }
        if (options.length === 0) return;
        const down = event.key === 'ArrowDown';
        if (active < 0) setActive(down ? 0 : options.length - 1);
        else setActive((active + (down ? 1 : options.length - 1)) % options.length);
        return;
      }
      case 'Enter': {
        event.preventDefault();
        const option = expanded && active >= 0 ? options[active] : undefined;
        if (option) choose(option);
        else search(text);
        return;
      }
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          close();
        } else if (text) {
          event.preventDefault();
          setText('');
        }
        return;
      default:
        return;
    }
  };

  return (
    <form
      ref={formRef}
      role="search"
      className="search-box"
      data-testid="search-box"
      onSubmit={(event) => {
        event.preventDefault();
        search(text);
      }}
      onBlur={(event) => {
        // Leaving the box for something else closes the list; moving within it does not.
        if (!formRef.current?.contains(event.relatedTarget as Node | null)) close();
      }}
    >
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {t('search.box.label')}
      </label>
      <input
        ref={inputRef}
        id={`${id}-input`}
        className="search-box__input"
        type="search"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        autoComplete="off"
        enterKeyHint="search"
        maxLength={MAX_QUERY_LENGTH}
        placeholder={t('search.box.placeholder')}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onKeyDown={onKeyDown}
        data-testid="search-input"
      />
      <button type="submit" className="search-box__submit" aria-label={t('search.box.submit')} data-testid="search-submit">
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path d={MAGNIFIER} fill="currentColor" />
        </svg>
      </button>
      <div className="search-box__popup" hidden={!expanded} data-testid="search-popup">
        {!typing && (
          <div className="search-box__head">
            <span className="muted">{t('search.box.recent')}</span>
            <button
              type="button"
              className="search-box__clear"
              onMouseDown={keepFocus}
              onClick={() => {
                clearRecentSearches();
                inputRef.current?.focus();
              }}
              data-testid="search-clear-recent"
            >
              {t('search.box.clear_recent')}
            </button>
          </div>
        )}
        <ul
          id={listId}
          role="listbox"
          className="search-box__list"
          aria-label={typing ? t('search.box.suggestions') : t('search.box.recent')}
          data-testid="search-options"
        >
          {expanded &&
            options.map((option, index) => (
              <li
                key={`${option.kind}:${option.id ?? option.text}`}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                className={`search-box__option${index === active ? ' search-box__option--active' : ''}`}
                data-kind={option.kind}
                data-testid="search-option"
                onMouseDown={keepFocus}
                onMouseMove={() => index !== active && setActive(index)}
                onClick={() => choose(option)}
              >
                <span className="search-box__text">{option.text}</span>
                <span className="search-box__kind">{t(KIND_LABELS[option.kind])}</span>
              </li>
            ))}
        </ul>
      </div>
    </form>
  );
}
