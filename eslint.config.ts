// ESLint for every source, test and bench file: typescript-eslint's strict
// type-checked rules and Next.js's rules (React, hooks, accessibility, imports).
// Formatting is Prettier's (npm run format), so eslint-config-prettier turns
// the stylistic rules off. Every rule turned off or down says why.
import js from '@eslint/js';
import nextVitals from 'eslint-config-next/core-web-vitals';
import prettier from 'eslint-config-prettier/flat';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      '.next-*/**',
      'out/**',
      '.e2e/**',
      '.bench/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
      // Generated from the corpus at test time.
      'tests/fixtures/sites/hostile/**',
      'tests/fixtures/sites/archive/**',
      'tests/fixtures/hostile/site/**',
    ],
  },
  js.configs.recommended,
  ...nextVitals,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    settings: { next: { rootDir: import.meta.dirname } },
    rules: {
      // Template literals with numbers are how the site writes labels and paths ('第${page}页').
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // Routes are async functions because Next.js hands them promises of params; some await nothing else.
      '@typescript-eslint/require-await': 'off',
      // `readonly T[]` is written as such throughout; the generic form reads worse.
      '@typescript-eslint/array-type': 'off',
      // Next.js's App Router uses plain <a> on purpose here: next/link would prefetch every link.
      '@next/next/no-html-link-for-pages': 'off',
    },
  },
  {
    // Tests may assert on values whose type the test itself narrows.
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  prettier,
);
