/**
 * Whether a database error is a unique-constraint violation (Postgres 23505, SQLite
 * SQLITE_CONSTRAINT_UNIQUE/PRIMARYKEY). Use cases check first and insert after; two requests
 * racing past the check meet here and should get the same field error as the check gives.
 */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
