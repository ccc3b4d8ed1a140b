import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes a migration into drizzle/ from the schema in src/db/schema.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './drizzle',
});
