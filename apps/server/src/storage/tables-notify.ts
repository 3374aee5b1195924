/** Table shapes as stored (see tables.ts for the conventions: ISO text times, JSON text, 0/1 booleans). */
export interface ChatRobotsTable {
  id: string;
  name: string;
  /** wecom | dingtalk | feishu */
  kind: string;
  webhook_url: string;
  secret: string | null;
  team_id: string | null;
  policy_id: string | null;
  enabled: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface ChatRobotDeliveriesTable {
  id: string;
  robot_id: string;
  message_id: string;
  outbox_id: string;
  attempt: number;
  /** sending | sent | failed */
  status: string;
  http_status: number | null;
  error_code: string | null;
  error: string | null;
  duration_ms: number | null;
  sent_at: string;
}

export interface NotificationPreferencesTable {
  user_id: string;
  working_hours: string | null;
  wecom_user_id: string | null;
  dingtalk_user_id: string | null;
  feishu_user_id: string | null;
  updated_at: string;
}
