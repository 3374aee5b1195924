/** Table shapes as stored (see tables.ts for the conventions: ISO text times, JSON text, 0/1 booleans). */
export type ConfirmationRequestsTable = {
  id: string;
  ticket_id: string;
  token_hash: string;
  token_enc: string;
  /** pending | used | revoked; expiry is derived from expires_at. */
  status: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
};

export type ConfirmationsTable = {
  id: string;
  ticket_id: string;
  request_id: string | null;
  /** customer_link | on_device */
  method: string;
  /** confirmed | rejected */
  outcome: string;
  signer_name: string | null;
  signature_sha256: string | null;
  stroke_count: number;
  satisfaction: number | null;
  comment: string | null;
  reason: string | null;
  ip: string | null;
  user_agent: string | null;
  gps: string | null;
  device_id: string | null;
  witness_id: string | null;
  snapshot: string;
  snapshot_sha256: string;
  created_at: string;
};

export type ConfirmationPoliciesTable = {
  /** ticket_type | customer */
  scope_kind: string;
  scope_id: string;
  /** customer | supervisor_review */
  mode: string;
  auto_close_days: number | null;
  reason: string;
  updated_by: string;
  updated_at: string;
};

export type ConfirmationPolicyChangesTable = {
  id: string;
  scope_kind: string;
  scope_id: string;
  before: string | null;
  after: string | null;
  reason: string;
  actor_id: string;
  actor_name: string;
  at: string;
};

export type CallbackBatchesTable = {
  id: string;
  natural_key: string;
  title: string;
  created_by: string;
  created_at: string;
  due_at: string;
};

export type CallbackItemsTable = {
  id: string;
  batch_id: string;
  ticket_id: string;
  agent_id: string;
  todo_id: string;
  evidence: string;
  outcome: string | null;
  note: string | null;
  recorded_by: string | null;
  recorded_at: string | null;
  created_at: string;
};
