import type { AdminChangeHead, AdminChangeRow } from '@gongdan/domain/audit/admin-change';
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { AuditRecordRow } from '@gongdan/domain/audit/audit-record';
import type { CheckpointRow } from '@gongdan/domain/audit/audit-checkpoint';
import type { ChatRobotsTable, ChatRobotDeliveriesTable, NotificationPreferencesTable } from './tables-notify.ts';
import type { CallbackBatchesTable, CallbackItemsTable, ConfirmationPoliciesTable, ConfirmationPolicyChangesTable, ConfirmationRequestsTable, ConfirmationsTable } from './tables-confirm.ts';
import type { FieldTables } from './tables-field.ts';
import type { SimilarDocsTable, SimilarPostingsTable, SimilarStatsTable, KnowledgeCardsTable, KnowledgeCardEventsTable, KnowledgeCardUsesTable } from './tables-knowledge.ts';
import type { CalendarsTable, SlaPoliciesTable, TicketSlaTable, SlaEventsTable, SlaDeadlinesTable, TicketFlagsTable } from './tables-sla.ts';

/**
 * Table shapes as stored. Times are UTC ISO-8601 text, JSON is text, booleans are 0/1 integers,
 * so both dialects store (and the audit chain hashes) exactly the same bytes.
 */
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: string;
  phone: string | null;
  password_hash: string | null;
  customer_id: string | null;
  manager_id: string | null;
  skills: string;
  region: string | null;
  max_load: number;
  active: number;
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface TeamsTable {
  id: string;
  name: string;
  supervisor_id: string | null;
  region: string | null;
  created_at: string;
  /** The team's business calendar for SLA targets whose policy names none (null: 'default'). */
  calendar_id?: string | null;
}

export interface TeamMembersTable {
  team_id: string;
  user_id: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  token_hash: string;
  scopes: string;
  created_by: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface CustomersTable {
  id: string;
  code: string;
  name: string;
  tier: string;
  industry: string | null;
  region: string | null;
  address: string | null;
  product_lines: string;
  external_refs: string;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface ContactsTable {
  id: string;
  customer_id: string;
  name: string;
  phone: string | null;
  email: string | null;
  title: string | null;
  is_primary: number;
  created_at: string;
}

export interface ContractsTable {
  id: string;
  customer_id: string;
  number: string;
  name: string;
  service_tier: string;
  starts_on: string;
  ends_on: string;
  created_at: string;
}

export interface DevicesTable {
  id: string;
  customer_id: string;
  model: string;
  serial_number: string;
  name: string | null;
  product_line: string | null;
  installed_on: string | null;
  warranty_until: string | null;
  location: string | null;
  attributes: string;
  created_at: string;
}

export interface TicketsTable {
  id: string;
  number: string;
  type: string;
  title: string;
  description: string;
  customer_id: string;
  contact_id: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  device_id: string | null;
  fault_type: string | null;
  impact_scope: string;
  priority: string;
  status: string;
  team_id: string | null;
  assignee_id: string | null;
  channel: string;
  custom_fields: string;
  appointment_start: string | null;
  appointment_end: string | null;
  location: string | null;
  resolution: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  first_response_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  version: number;
  audit_seq: number;
  audit_head: string;
  audit_head_mac: string;
  audit_checkpoint_seq: number;
}

export interface TicketCountersTable {
  day: string;
  last: number;
}

export interface CommentsTable {
  id: string;
  ticket_id: string;
  author_kind: string;
  author_id: string | null;
  author_name: string;
  body: string;
  visibility: string;
  created_at: string;
}

export interface AttachmentsTable {
  id: string;
  ticket_id: string;
  comment_id: string | null;
  sha256: string;
  filename: string;
  content_type: string;
  size: number;
  visibility: string;
  uploaded_by: string;
  created_at: string;
}

/** The audit record columns are defined once, by the domain that hashes them. */
export type AuditRecordsTable = AuditRecordRow;

export type AuditCheckpointsTable = CheckpointRow;

export interface OutboxTable {
  id: string;
  topic: string;
  aggregate_id: string | null;
  payload: string;
  created_at: string;
  available_at: string;
  attempts: number;
  status: string;
  locked_until: string | null;
  last_error: string | null;
  done_at: string | null;
}

export interface WebhookSubscriptionsTable {
  id: string;
  name: string;
  url: string;
  secret: string;
  events: string;
  active: number;
  created_at: string;
}

export interface WebhookDeliveriesTable {
  id: string;
  subscription_id: string;
  outbox_id: string;
  event: string;
  attempt: number;
  status_code: number | null;
  ok: number;
  error: string | null;
  duration_ms: number;
  created_at: string;
}

export interface IdempotencyKeysTable {
  principal: string;
  key: string;
  request_hash: string;
  state: string;
  status_code: number | null;
  response_body: string | null;
  created_at: string;
  locked_until: string;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  ticket_id: string | null;
  title: string;
  body: string;
  read_at: string | null;
  created_at: string;
}

export interface TodosTable {
  id: string;
  user_id: string;
  ticket_id: string | null;
  kind: string;
  title: string;
  due_at: string | null;
  done_at: string | null;
  created_by: string;
  created_at: string;
}

export interface TicketFollowersTable {
  ticket_id: string;
  user_id: string;
  created_at: string;
}

export interface FormDefinitionsTable {
  ticket_type: string;
  version: number;
  definition: string;
  updated_at: string;
}

export interface WorkflowDefinitionsTable {
  id: string;
  version: number;
  definition: string;
  updated_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

// Type aliases, not interfaces: generic row helpers cast rows to Record<string, unknown>, which an
// interface (no implicit index signature) refuses once the DB union grows.
export type TicketLinksTable = {
  id: string;
  ticket_id: string;
  other_ticket_id: string;
  /** related | duplicate_of | caused_by, read as "ticket_id <kind> other_ticket_id". */
  kind: string;
  created_by: string;
  created_at: string;
  merged_at: string | null;
};

export type SavedViewsTable = {
  id: string;
  user_id: string;
  name: string;
  /** The board's query string, e.g. status=new,assigned&priority=high. */
  query: string;
  created_at: string;
};

/** Admin change log (ADR 026): one MAC'd chain of configuration changes and its head row. */
export type AdminChangesTable = AdminChangeRow;
export interface AdminChangeHeadTable extends AdminChangeHead {
  id: string;
}

export interface DB extends FieldTables {
  admin_changes: AdminChangesTable;
  admin_change_head: AdminChangeHeadTable;
  users: UsersTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  customers: CustomersTable;
  contacts: ContactsTable;
  contracts: ContractsTable;
  devices: DevicesTable;
  tickets: TicketsTable;
  ticket_counters: TicketCountersTable;
  comments: CommentsTable;
  attachments: AttachmentsTable;
  audit_records: AuditRecordsTable;
  audit_checkpoints: AuditCheckpointsTable;
  outbox: OutboxTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  idempotency_keys: IdempotencyKeysTable;
  notifications: NotificationsTable;
  todos: TodosTable;
  ticket_followers: TicketFollowersTable;
  form_definitions: FormDefinitionsTable;
  workflow_definitions: WorkflowDefinitionsTable;
  settings: SettingsTable;
  ticket_links: TicketLinksTable;
  saved_views: SavedViewsTable;
  chat_robots: ChatRobotsTable;
  chat_robot_deliveries: ChatRobotDeliveriesTable;
  notification_preferences: NotificationPreferencesTable;
  calendars: CalendarsTable;
  sla_policies: SlaPoliciesTable;
  ticket_sla: TicketSlaTable;
  sla_events: SlaEventsTable;
  sla_deadlines: SlaDeadlinesTable;
  ticket_flags: TicketFlagsTable;
  confirmation_requests: ConfirmationRequestsTable;
  confirmations: ConfirmationsTable;
  confirmation_policies: ConfirmationPoliciesTable;
  confirmation_policy_changes: ConfirmationPolicyChangesTable;
  callback_batches: CallbackBatchesTable;
  callback_items: CallbackItemsTable;
  similar_docs: SimilarDocsTable;
  similar_postings: SimilarPostingsTable;
  similar_stats: SimilarStatsTable;
  knowledge_cards: KnowledgeCardsTable;
  knowledge_card_events: KnowledgeCardEventsTable;
  knowledge_card_uses: KnowledgeCardUsesTable;
}

export type TicketRow = Selectable<TicketsTable>;
export type NewTicketRow = Insertable<TicketsTable>;
export type TicketUpdate = Updateable<TicketsTable>;
export type UserRow = Selectable<UsersTable>;
export type CustomerRow = Selectable<CustomersTable>;
