import type { z } from 'zod';
import type { WorkingHoursDto } from '@gongdan/contracts/notifications';
import type { Actor } from '@gongdan/domain/access/roles';
import type { AppContext } from '../app-context.ts';
import { parseJson } from '../shared/json.ts';
import type { NotificationPreferencesTable } from '../storage/tables-notify.ts';
import { findPreferences } from './notification-preferences.repository.ts';

type WorkingHours = z.output<typeof WorkingHoursDto>;

export interface NotificationSettings {
  workingHours: WorkingHours | null;
  wecomUserId: string | null;
  dingtalkUserId: string | null;
  feishuUserId: string | null;
}

export function presentSettings(p: NotificationPreferencesTable | undefined): NotificationSettings {
  return {
    workingHours: parseJson<WorkingHours | null>(p?.working_hours, null),
    wecomUserId: p?.wecom_user_id ?? null, dingtalkUserId: p?.dingtalk_user_id ?? null, feishuUserId: p?.feishu_user_id ?? null,
  };
}

export async function getNotificationSettings(ctx: AppContext, actor: Actor): Promise<NotificationSettings> {
  return presentSettings(await findPreferences(ctx.database.db, actor.id));
}
