import { defaultFormDefinitions } from '@gongdan/domain/forms/default-form-definitions';
import type { FormDefinition } from '@gongdan/domain/forms/form-definition';
import { defaultWorkflow } from '@gongdan/domain/ticket/default-workflow';
import type { WorkflowDefinition } from '@gongdan/domain/ticket/workflow-definition';
import type { Kysely } from 'kysely';
import type { DB } from '../storage/tables.ts';
import { parseJson } from '../shared/json.ts';
import { findFormRow, findWorkflowRow } from './definitions.repository.ts';

// Definitions are read on every ticket write; they change rarely (an admin saves a new version).
// A short cache keeps the hot path off the database while other nodes see edits within seconds.
const TTL_MS = 5_000;
const cache = new Map<string, { at: number; value: unknown }>();

async function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value as T;
  const value = await load();
  cache.set(key, { at: Date.now(), value });
  return value;
}

export function invalidateDefinitions(): void {
  cache.clear();
}

/** The workflow in force: the admin's saved version, else the shipped default. */
export function getWorkflow(db: Kysely<DB>): Promise<WorkflowDefinition> {
  return cached(`wf:default`, async () => {
    const row = await findWorkflowRow(db, 'default');
    return row ? parseJson<WorkflowDefinition>(row.definition, defaultWorkflow) : defaultWorkflow;
  });
}

/** The form for a ticket type: the admin's saved version, else the shipped default, else none. */
export function getFormDefinition(db: Kysely<DB>, ticketType: string): Promise<FormDefinition | null> {
  return cached(`form:${ticketType}`, async () => {
    const row = await findFormRow(db, ticketType);
    if (row) return parseJson<FormDefinition | null>(row.definition, null);
    return defaultFormDefinitions.find((f) => f.ticketType === ticketType) ?? null;
  });
}
