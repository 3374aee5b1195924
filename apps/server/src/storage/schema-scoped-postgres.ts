/**
 * Postgres dialect whose introspector sees only the connection's current schema.
 *
 * Kysely's own Postgres introspector reads every schema of the database and resolves each
 * column's serial sequence by name; when another process drops a schema at that moment (parallel
 * test files, each in its own schema; a staging schema beside production) the lookup fails with
 * `relation "<other>.<table>" does not exist` and our migration aborts. Gongdan only ever needs its
 * own schema (the migrator pins its bookkeeping tables there), so that is all this one reads.
 */
import {
  type DatabaseIntrospector, type DatabaseMetadata, type Kysely, PostgresDialect, type SchemaMetadata, sql, type TableMetadata,
} from 'kysely';

interface ColumnRow {
  table_name: string;
  kind: string;
  schema_name: string;
  column_name: string | null;
  data_type: string | null;
  not_null: boolean | null;
  has_default: boolean | null;
  identity: string | null;
}

class CurrentSchemaIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<unknown>) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const r = await sql<{ name: string }>`select nspname as name from pg_catalog.pg_namespace where nspname = current_schema()`.execute(this.db);
    return r.rows;
  }

  async getTables(): Promise<TableMetadata[]> {
    const r = await sql<ColumnRow>`
      select c.relname as table_name, c.relkind as kind, n.nspname as schema_name, a.attname as column_name,
             t.typname as data_type, a.attnotnull as not_null, a.atthasdef as has_default, a.attidentity as identity
      from pg_catalog.pg_class c
      join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      left join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      left join pg_catalog.pg_type t on t.oid = a.atttypid
      where n.nspname = current_schema() and c.relkind in ('r', 'v', 'p')
      order by c.relname, a.attnum`.execute(this.db);
    const tables = new Map<string, TableMetadata & { columns: TableMetadata['columns'][number][] }>();
    for (const row of r.rows) {
      let table = tables.get(row.table_name);
      if (!table) {
        table = { name: row.table_name, schema: row.schema_name, isView: row.kind === 'v', columns: [] };
        tables.set(row.table_name, table);
      }
      if (row.column_name === null) continue;
      table.columns.push({
        name: row.column_name, dataType: row.data_type ?? 'unknown', isNullable: !row.not_null,
        hasDefaultValue: Boolean(row.has_default), isAutoIncrementing: row.identity === 'a' || row.identity === 'd',
      });
    }
    return [...tables.values()];
  }

  async getMetadata(): Promise<DatabaseMetadata> {
    return { tables: await this.getTables() };
  }
}

export class CurrentSchemaPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new CurrentSchemaIntrospector(db);
  }
}
