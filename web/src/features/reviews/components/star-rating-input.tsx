import { useI18n } from '@/lib/i18n';
import '@/features/reviews/styles/reviews.css';

type Props = { value: number; onChange: (rating: number) => void; error?: string | undefined };

/** Five radio buttons drawn as stars. */
export function StarRatingInput({ value, onChange, error }: Props) {
  const { t } = useI18n();
  return (
    <fieldset className="stars-input" data-testid="rating-input">
      <legend className="field__label">{t('reviews.rating')}</legend>
      <div className="stars-input__row">
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className={`star${n <= value ? ' star--on' : ''}`}>
            <input
              type="radio"
              name="rating"
              value={n}
              checked={value === n}
              onChange={() => onChange(n)}
              aria-label={t('reviews.stars', { n })}
              data-testid={`rating-${n}`}
            />
            <span aria-hidden="true">★</span>
          </label>
        ))}
      </div>
      {error && (
        <p className="field__error" data-testid="error-rating">
          {error}
        </p>
      )}
    </fieldset>
  );
}
