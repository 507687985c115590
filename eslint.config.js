import { readdirSync } from 'node:fs'
import globals from 'globals'
import pluginVue from 'eslint-plugin-vue'
import tseslint from 'typescript-eslint'

const databaseLibraries = ['dexie', 'dexie/*', 'pouchdb', 'pouchdb-*']
// Every folder of src/core but shared is a domain: a new one (reception, broadband, …) is covered as it is made.
const coreDomains = readdirSync(new URL('./src/core', import.meta.url), { withFileTypes: true })
  .filter((e) => e.isDirectory() && e.name !== 'shared')
  .map((e) => e.name)

const viaRepository = { group: databaseLibraries, message: 'Use a repository from src/storage.' }
const componentsViaStores = {
  group: ['@/storage/*', '@/crypto/*', '@/sync/*'],
  message: 'A component works through its store (or an action of its feature): no repository, key or sync call in a .vue file.',
}
const injectedStorage = {
  group: ['@/storage/session-keys'],
  message: 'Stores take the device storage by injection (useLobbyStorage from @/identity/device-storage); only app/main.ts picks it.',
}
const notAboveUi = { group: ['@/identity/*', '@/features/*', '@/app/*'], message: 'src/ui is presentational: stateful components belong in src/app/shell.' }
const notAboveSyncOrStorage = {
  group: ['@/identity/*', '@/features/*', '@/app/*'],
  message: 'src/sync and src/storage sit below identity, features and the app: pass what they need in.',
}
const notAboveIdentity = { group: ['@/features/*', '@/app/*'], message: 'src/identity sits below features and the app: take what a feature contributes as an argument.' }
const notAppFromFeatures = {
  group: ['@/app/*', '**/app/*'],
  message: 'Features sit below the app: state routes, nav, words and hooks in the feature\'s module.ts; app/ composes them (docs/architecture.md "Adding a desk").',
}
const noFrameworkInStorage = { group: ['vue', 'vue-*', '@vue/*', 'pinia'], message: 'src/storage knows no UI framework: make state reactive above it.' }
const notSyncFromStorage = { group: ['@/sync/*', '../sync/*', '../../sync/*'], message: 'src/storage sits below src/sync: sync replicates what storage keeps, never the reverse (shared facts belong in the access policy).' }
const corePure = {
  group: ['vue', 'vue-*', '@vue/*', 'pinia', '@vueuse/*', ...databaseLibraries, '@/platform/*', '@/storage/*', '@/sync/*', '@/features/*', '@/app/*'],
  message: 'src/core must stay pure: pass what it needs in as arguments.',
}
const sharedKnowsNoDomain = {
  group: coreDomains.flatMap((d) => [`@/core/${d}`, `@/core/${d}/*`, `../${d}`, `../${d}/*`]),
  message: 'src/core/shared must not import a domain folder: move the shared part down into core/shared.',
}


export default tseslint.config(
  { ignores: ['dist/', 'dist-bench/', '.e2e/', 'node_modules/', '.lobby-data/', 'dev-dist/'] },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    rules: {
      // `const { dropped: _dropped, ...rest } = x` is how we strip fields; underscore means "unused on purpose".
      '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_', argsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    files: ['src/**/*.{ts,vue}'],
    languageOptions: { globals: { ...globals.browser, __APP_VERSION__: 'readonly', __BUILD_TIME__: 'readonly' } },
    rules: {
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/first-attribute-linebreak': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // Layer edges (docs/architecture.md "Layers", issue 9). A later block's `no-restricted-imports` replaces an
  // earlier one for the same file, so each block lists every pattern its folder obeys.
  {
    // The app reaches storage only through repositories; only main.ts picks the device's storage.
    files: ['src/app/**/*.{ts,vue}'],
    ignores: ['src/app/main.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [viaRepository, injectedStorage] }] },
  },
  {
    // A shell component works through stores too.
    files: ['src/app/**/*.vue'],
    rules: { 'no-restricted-imports': ['error', { patterns: [viaRepository, injectedStorage, componentsViaStores] }] },
  },
  {
    // Features reach storage only through repositories, take the device's storage by injection, and never import
    // the app that composes them.
    files: ['src/features/**/*.{ts,vue}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [viaRepository, injectedStorage, notAppFromFeatures] }] },
  },
  {
    // A component works through its store: it never opens a repository, a key or the sync layer itself.
    files: ['src/features/**/*.vue'],
    rules: { 'no-restricted-imports': ['error', { patterns: [viaRepository, injectedStorage, notAppFromFeatures, componentsViaStores] }] },
  },
  {
    // ui/ holds presentational components only; anything that needs a store, a feature or the app is shell (src/app/shell).
    files: ['src/ui/**/*.{ts,vue}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [viaRepository, notAboveUi] }] },
  },
  {
    // sync/ sits below features and the app: features call it, never the reverse.
    files: ['src/sync/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [notAboveSyncOrStorage] }] },
  },
  {
    // storage/ sits below sync, identity, features and the app and knows no UI framework.
    files: ['src/storage/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [notAboveSyncOrStorage, noFrameworkInStorage, notSyncFromStorage] }] },
  },
  {
    // identity/ (sign-in, keys, grants, departure, founding) sits below features and the app.
    files: ['src/identity/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [viaRepository, notAboveIdentity, injectedStorage] }] },
  },
  {
    // core/ is pure TypeScript: no framework, no database, no browser globals.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [corePure] }],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location', 'fetch', 'self'].map((name) => ({
          name,
          message: 'src/core must stay pure: no browser globals.',
        })),
      ],
    },
  },
  {
    // core/shared is what every domain folder may use, so it may use none of them.
    files: ['src/core/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [corePure, sharedKnowsNoDomain] }] },
  },
  {
    files: ['server/**/*.js', 'scripts/**/*.js', 'test/**/*.{js,ts}', 'bench/**/*.{js,ts}', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
)
