import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import noImportCycle from './eslint-rules/no-import-cycle.mjs';

const TEST_FILES = ['**/__tests__/**', 'test/**', 'bench/**', 'scripts/**'];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', 'lib/**', 'release/**', 'node_modules/**', 'out/**', 'build/**', 'test-results/**', 'coverage/**', 'bench/tmp/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { fenjie: { rules: { 'no-import-cycle': noImportCycle } } },
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Inside try, `return await` so the catch sees the rejection.
      '@typescript-eslint/return-await': ['error', 'error-handling-correctness-only'],
      'fenjie/no-import-cycle': 'error',
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name=/^(only|skip)$/]", message: 'No focused or skipped tests.' }],
    },
  },
  {
    // Production code: short functions, bounded complexity, files under 300 lines.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: TEST_FILES,
    rules: {
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
      complexity: ['error', 20],
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Outside the core, the core is used through its face (src/core/index.ts) only.
    files: ['src/**/*.ts', 'src/**/*.tsx', 'test/**/*.ts', 'test/**/*.tsx', 'bench/**/*.ts', 'scripts/**/*.ts', 'wps/**/*.ts'],
    ignores: ['src/core/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: 'core/(?!index$|testing$)[^/]+/', message: 'Import the core through src/core/index.ts (tests and benchmarks: src/core/testing.ts), not its folders.' }] }],
    },
  },
  {
    // Production code outside the core does not use the core's test face.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/core/**', ...TEST_FILES],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: 'core/(?!index$)[^/]+', message: 'Use the core through src/core/index.ts: its flows, not its lower pieces.' }] }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/__tests__/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['fs', 'path', 'node:*', 'react', 'react-dom', '@fluentui/*', '**/hosts/**', '**/taskpane/**', '**/cli/**', '**/writers/**', '**/standalone/**'] }],
    },
  },
);
