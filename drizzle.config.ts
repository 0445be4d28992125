import { defineConfig } from 'drizzle-kit';

export default defineConfig({
	schema: './src/lib/server/db/schema/index.ts',
	out: './drizzle',
	dialect: 'sqlite',
	dbCredentials: { url: `${process.env.DATA_DIR ?? './data'}/tok.sqlite` },
	strict: true,
	verbose: true
});
