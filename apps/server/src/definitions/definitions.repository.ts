import type { FormDefinition } from '@gongdan/domain/forms/form-definition';
import type { WorkflowDefinition } from '@gongdan/domain/ticket/workflow-definition';
import type { Kysely } from 'kysely';
import type { DB } from '../storage/tables.ts';

export async function findWorkflowRow(db: Kysely<DB>, id: string) {
  return db.selectFrom('workflow_definitions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findFormRow(db: Kysely<DB>, ticketType: string) {
  return db.selectFrom('form_definitions').selectAll().where('ticket_type', '=', ticketType).executeTakeFirst();
}

export async function saveWorkflowRow(db: Kysely<DB>, def: WorkflowDefinition, at: string): Promise<void> {
  const row = { id: def.id, version: def.version, definition: JSON.stringify(def), updated_at: at };
  await db.insertInto('workflow_definitions').values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ version: row.version, definition: row.definition, updated_at: at })).execute();
}

export async function saveFormRow(db: Kysely<DB>, def: FormDefinition, at: string): Promise<void> {
  const row = { ticket_type: def.ticketType, version: def.version, definition: JSON.stringify(def), updated_at: at };
  await db.insertInto('form_definitions').values(row)
    .onConflict((oc) => oc.column('ticket_type').doUpdateSet({ version: row.version, definition: row.definition, updated_at: at })).execute();
}

export async function listFormRows(db: Kysely<DB>) {
  return db.selectFrom('form_definitions').selectAll().orderBy('ticket_type').execute();
}
