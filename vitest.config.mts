import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@': root,
      'server-only': path.resolve(root, 'tests/support/empty-module.ts'),
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    // The integration tests start the editors' commands and next dev: slower than a unit test.
    testTimeout: 150_000,
    environment: 'node',
    // Absolute URLs in metadata, feeds and the sitemap come out on this origin, whatever the shell sets.
    env: { SITE_URL: 'https://news.example.com' },
  },
});
