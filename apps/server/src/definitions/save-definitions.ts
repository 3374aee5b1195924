import { parseFormDefinition } from '@gongdan/domain/forms/form-definition-validator';
import type { FormDefinition } from '@gongdan/domain/forms/form-definition';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import { validateWorkflowDefinition, type WorkflowDefinition } from '@gongdan/domain/ticket/workflow-definition';
import { recordAdminChange, type ChangeOrigin } from '../admin-changes/record-admin-change.ts';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { parseJson } from '../shared/json.ts';
import { invalidateDefinitions } from './definitions.ts';
import { findFormRow, findWorkflowRow, saveFormRow, saveWorkflowRow } from './definitions.repository.ts';

/** Saves an admin's workflow after the domain validated it (the no-engineer-close rule included). */
export async function saveWorkflowDefinition(ctx: AppContext, origin: ChangeOrigin, input: unknown): Promise<Result<WorkflowDefinition, AppError>> {
  const def = input as WorkflowDefinition;
  if (!def || typeof def !== 'object' || !Array.isArray(def.states) || !Array.isArray(def.transitions)) {
    return err({ kind: 'validation', errors: [{ field: 'body', message: { zh: '工作流定义格式不正确', en: 'Not a workflow definition' } }] });
  }
  const checked = validateWorkflowDefinition({ ...def, id: 'default' });
  if (!checked.ok) {
    return err({ kind: 'validation', errors: checked.error.issues.map((i) => ({ field: i.path, message: { zh: i.message, en: i.message } })) });
  }
  await ctx.database.db.transaction().execute(async (trx) => {
    const before = await findWorkflowRow(trx, 'default');
    await saveWorkflowRow(trx, checked.value, ctx.clock.now().toISOString());
    await recordAdminChange(trx, ctx, origin, {
      entity: 'workflow', entityId: 'default', action: before ? 'update' : 'create', before: parseJson<unknown>(before?.definition, null), after: checked.value,
    });
  });
  invalidateDefinitions();
  return ok(checked.value);
}

export async function saveFormDefinition(ctx: AppContext, origin: ChangeOrigin, ticketType: string, input: unknown): Promise<Result<FormDefinition, AppError>> {
  const parsed = parseFormDefinition({ ...(input as object), ticketType });
  if (!parsed.ok) {
    return err({ kind: 'validation', errors: parsed.error.issues.filter((i) => i.severity === 'error').map((i) => ({ field: i.path, code: i.code, message: i.message })) });
  }
  await ctx.database.db.transaction().execute(async (trx) => {
    const before = await findFormRow(trx, ticketType);
    await saveFormRow(trx, parsed.value.definition, ctx.clock.now().toISOString());
    await recordAdminChange(trx, ctx, origin, {
      entity: 'form', entityId: ticketType, action: before ? 'update' : 'create', before: parseJson<unknown>(before?.definition, null), after: parsed.value.definition,
    });
  });
  invalidateDefinitions();
  return ok(parsed.value.definition);
}
