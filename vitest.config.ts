import { defineConfig } from 'vitest/config';

// Database tests (files named *.db.test.ts) run on PGlite in the default project. When
// GONGKAI_TEST_PG names a PostgreSQL server, the same files run again against it in the "pg" project.
const serverUrl = process.env.GONGKAI_TEST_PG;

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true as const,
        test: { name: 'pglite', include: ['src/**/*.test.{ts,tsx}', 'e2e/**/*.test.ts', 'bench/**/*.test.ts'] },
      },
      ...(serverUrl
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: ['src/**/*.db.test.{ts,tsx}'],
                env: { DATABASE_URL: serverUrl },
              },
            },
          ]
        : []),
    ],
  },
});
