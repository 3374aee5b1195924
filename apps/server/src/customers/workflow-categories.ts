import type { StateCategory, WorkflowDefinition } from '@gongdan/domain/ticket/workflow-definition';

/** State ids of the workflow in force whose category is one of `categories` (the admin may rename states). */
export function statesIn(workflow: WorkflowDefinition, categories: readonly StateCategory[]): string[] {
  return workflow.states.filter((s) => categories.includes(s.category)).map((s) => s.id);
}

/** Finished tickets: nothing more will happen to them unless reopened. */
export const FINISHED: readonly StateCategory[] = ['closed', 'cancelled'];
/** Tickets someone still has to act on (the board's "open"). */
export const UNFINISHED: readonly StateCategory[] = ['open', 'active', 'paused'];
