// ESLint for every source, test and bench file: typescript-eslint's strict
// type-checked rules and Next.js's rules (React, hooks, accessibility, imports).
// Formatting is Prettier's (npm run format), so eslint-config-prettier turns
// the stylistic rules off. Every rule turned off or down says why.
import js from '@eslint/js';
import nextVitals from 'eslint-config-next/core-web-vitals';
import prettier from 'eslint-config-prettier/flat';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
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
      // The content checks, the sanitizer and the XML writer look for control characters on purpose.
      'no-control-regex': 'off',
      // An argument a memo keys on but the function does not read (a folder, a file's version) starts with _.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // `(x) => void call(x)` and event handlers written as arrows read better than braces around one call.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // `process.env.X?.trim() || fallback` means an empty value falls back too, on purpose.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true, boolean: true } }],
      // Both forms are used: `type` for unions and route props, `interface` for shapes that are extended.
      '@typescript-eslint/consistent-type-definitions': 'off',
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
