// ESLint flat config. `npm run lint` must pass with zero errors (CI runs it).
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const FEATURES = ['auth', 'bookings', 'chats', 'favorites', 'feed', 'masters', 'media', 'notifications', 'portfolio', 'posts', 'profile', 'reviews', 'schedule', 'search', 'social'];

// A feature may use lib/, components/, types/ and its own files. From another feature it
// may import only that feature's query keys and cache functions (`api/keys.ts`), so that
// cross-feature invalidation goes through an exported function, never a key literal.
// Only app/ composes features.
const featureZones = FEATURES.map((feature) => ({
  target: `./src/features/${feature}`,
  from: './src/features',
  except: [`./${feature}`, ...FEATURES.filter((f) => f !== feature).map((f) => `./${f}/api/keys.ts`)],
  message: 'Features import only lib/, components/, types/ and other features\u2019 api/keys.ts (see README).',
}));

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...featureZones,
            // Shared layers never reach up into features or the app.
            { target: ['./src/lib', './src/components', './src/types'], from: ['./src/features', './src/app'] },
            // The message catalogue merges the features' own translations, and nothing else of theirs.
            {
              target: './src/locales',
              from: './src/features',
              except: FEATURES.map((f) => `./${f}/locales`),
            },
            { target: './src/locales', from: ['./src/app', './src/lib', './src/components'] },
          ],
        },
      ],
      'import-x/no-unresolved': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/testing/**', 'src/**/__tests__/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['*.config.{js,ts}', 'config/**/*.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
