import type { NotificationsTable, TodosTable } from '../storage/tables.ts';

export function presentNotification(n: NotificationsTable) {
  return { id: n.id, kind: n.kind, ticketId: n.ticket_id, title: n.title, body: n.body, read: n.read_at !== null, readAt: n.read_at, createdAt: n.created_at };
}

export function presentTodo(t: TodosTable) {
  return { id: t.id, kind: t.kind, ticketId: t.ticket_id, title: t.title, dueAt: t.due_at, done: t.done_at !== null, doneAt: t.done_at, createdAt: t.created_at };
}
