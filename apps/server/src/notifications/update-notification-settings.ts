import { workingHoursCalendar } from '@gongdan/domain/notify/quiet-hours';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { Actor } from '@gongdan/domain/access/roles';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { findPreferences, upsertPreferences } from './notification-preferences.repository.ts';
import { presentSettings, type NotificationSettings } from './get-notification-settings.ts';

/** Saves the caller's working hours and chat ids; omitted fields keep their value. */
export async function updateNotificationSettings(ctx: AppContext, actor: Actor, patch: Partial<NotificationSettings>): Promise<Result<NotificationSettings, AppError>> {
  if (actor.kind !== 'user') return err({ kind: 'forbidden', detail: 'settings belong to people' });
  if (patch.workingHours) {
    const cal = workingHoursCalendar(actor.id, patch.workingHours);
    if (!cal.ok) {
      return err({ kind: 'validation', errors: cal.error.issues.map((i) => ({ field: `workingHours.${i.path}`, message: i.message })) });
    }
  }
  const db = ctx.database.db;
  const current = presentSettings(await findPreferences(db, actor.id));
  const next = { ...current, ...patch };
  await upsertPreferences(db, {
    user_id: actor.id, working_hours: next.workingHours ? JSON.stringify(next.workingHours) : null,
    wecom_user_id: next.wecomUserId ?? null, dingtalk_user_id: next.dingtalkUserId ?? null, feishu_user_id: next.feishuUserId ?? null,
    updated_at: ctx.clock.now().toISOString(),
  });
  return ok(next);
}
