import globals from 'globals'
import pluginVue from 'eslint-plugin-vue'
import tseslint from 'typescript-eslint'

const databaseLibraries = ['dexie', 'dexie/*', 'pouchdb', 'pouchdb-*']

export default tseslint.config(
  { ignores: ['dist/', '.e2e/', 'node_modules/', '.lobby-data/', 'dev-dist/'] },
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
  {
    // Features reach storage only through repositories (ARCHITECTURE.md "Layers").
    files: ['src/features/**/*.{ts,vue}', 'src/ui/**/*.{ts,vue}', 'src/app/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: databaseLibraries, message: 'Use a repository from src/storage.' }] }],
    },
  },
  {
    // core/ is pure TypeScript: no framework, no database, no browser globals.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['vue', 'vue-*', '@vue/*', 'pinia', '@vueuse/*', ...databaseLibraries, '@/platform/*', '@/storage/*', '@/sync/*', '@/features/*'],
              message: 'src/core must stay pure: pass what it needs in as arguments.',
            },
          ],
        },
      ],
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
    files: ['server/**/*.js', 'scripts/**/*.js', 'test/**/*.{js,ts}', 'bench/**/*.{js,ts}', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
)
