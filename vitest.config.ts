import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Test files of a worker share its module cache, so the WordNet tables and the language model are read once per
    // worker rather than once per file; tests keep no state in modules, and each builds its own app.
    isolate: false,
    globalSetup: ['test/helpers/servers-global.ts'],
  },
});
