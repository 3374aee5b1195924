import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { type Kysely, type Migration, type MigrationResultSet, Migrator, PostgresAdapter, sql } from 'kysely';

const dir = fileURLToPath(new URL('./migrations/', import.meta.url));

/**
 * Migrations are files `YYYYMMDDHHMM_slug.ts` in ./migrations, frozen once merged. Unordered
 * migrations are allowed so that two branches adding one each never collide.
 */
async function loadMigrations(): Promise<Record<string, Migration>> {
  const files = readdirSync(dir).filter((f) => /^\d{12}_[a-z0-9_]+\.ts$/.test(f)).sort();
  const out: Record<string, Migration> = {};
  for (const file of files) {
    out[file.replace(/\.ts$/, '')] = (await import(pathToFileURL(join(dir, file)).href)) as Migration;
  }
  return out;
}

export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  const migrations = await loadMigrations();
  // Kysely looks for its bookkeeping tables in every schema unless told which one; with several
  // gongdan schemas in one Postgres database (parallel tests, staging beside production) it would
  // find another schema's lock table and never create its own. Pin them to our current schema.
  const schema = db.getExecutor().adapter instanceof PostgresAdapter
    ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
    : undefined;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: true,
    migrationTableName: 'gongdan_migrations',
    migrationLockTableName: 'gongdan_migrations_lock',
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error instanceof Error ? result.error : new Error(String(result.error));
  return result;
}
