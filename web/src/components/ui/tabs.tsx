import { useSearchParams } from 'react-router';

/**
 * The selected tab, kept in the URL as ?tab= so that reload and back keep it; the first
 * tab is the default and leaves the URL clean.
 */
export function useTabParam<T extends string>(tabs: readonly [T, ...T[]]): [T, (tab: T) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab = tabs.find((name) => name === raw) ?? tabs[0];
  const select = (name: T) => setParams(name === tabs[0] ? {} : { tab: name }, { replace: true });
  return [tab, select];
}

type TabsProps<T extends string> = {
  tabs: readonly T[];
  selected: T;
  onSelect: (tab: T) => void;
  label: (tab: T) => string;
  'aria-label'?: string;
  small?: boolean;
};

/** A row of tab buttons (role="tablist"); each is data-testid="tab-<name>". */
export function Tabs<T extends string>({ tabs, selected, onSelect, label, 'aria-label': ariaLabel, small = false }: TabsProps<T>) {
  return (
    <div className={small ? 'tabs tabs--small' : 'tabs'} role="tablist" aria-label={ariaLabel}>
      {tabs.map((name) => (
        <button
          key={name}
          type="button"
          role="tab"
          className="tabs__tab"
          aria-selected={selected === name}
          data-testid={`tab-${name}`}
          onClick={() => onSelect(name)}
        >
          {label(name)}
        </button>
      ))}
    </div>
  );
}
