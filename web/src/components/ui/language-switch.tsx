import { LANGUAGES, useI18n } from '@/lib/i18n';

/** A two-state RU | EN toggle; the choice is stored in localStorage by lib/i18n. */
export function LanguageSwitch() {
  const { lang, setLanguage, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')} data-testid="language-switch">
      {LANGUAGES.map((code) => (
        <button
          key={code}
          type="button"
          className="lang-switch__option"
          aria-pressed={lang === code}
          lang={code}
          data-testid={`lang-${code}`}
          onClick={() => setLanguage(code)}
        >
          {code.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
