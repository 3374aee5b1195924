import type { EscalationLevel, SlaPolicy } from './sla-api.ts';

type T = (zh: string, en: string) => string;
type TargetSpec = NonNullable<SlaPolicy['targets']['first_response']>;

export function duration(min: number, t: T): string {
  if (min % 1440 === 0 && min >= 1440) return t(`${min / 1440} 天`, `${min / 1440} d`);
  if (min % 60 === 0) return t(`${min / 60} 小时`, `${min / 60} h`);
  if (min > 60) return t(`${Math.floor(min / 60)} 小时 ${min % 60} 分`, `${Math.floor(min / 60)} h ${min % 60} min`);
  return t(`${min} 分钟`, `${min} min`);
}

/** "60 分钟 · 工作时间 · 75% 预警" */
export function targetText(spec: TargetSpec | undefined, t: T): string {
  if (!spec) return '—';
  return `${duration(spec.minutes, t)} · ${spec.clock === '24x7' ? '7×24' : t('工作时间', 'business hours')} · ${t(`${spec.warnAtPercent}% 预警`, `warn ${spec.warnAtPercent}%`)}`;
}

export function triggerText(tr: EscalationLevel['trigger'], t: T): string {
  switch (tr.at) {
    case 'warning': return t('达到预警阈值', 'at the warning threshold');
    case 'percent': return t(`达到目标的 ${tr.percent}%`, `at ${tr.percent}% of the target`);
    case 'breach': return t('超时即触发', 'at breach');
    case 'after_breach': return t(`超时后 ${tr.minutes} 分钟`, `${tr.minutes} min after breach`);
  }
}

export const ACTION_LABELS: Record<EscalationLevel['actions'][number], [string, string]> = {
  notify_assignee: ['站内通知处理人', 'Notify assignee'],
  chat_mention_assignee: ['群机器人 @处理人', 'Chat @assignee'],
  notify_supervisor: ['通知团队主管', 'Notify supervisor'],
  add_follower_supervisor: ['主管加为关注人', 'Supervisor follows'],
  todo_supervisor: ['给主管建待办', 'To-do for supervisor'],
  notify_manager: ['通知主管的上级', 'Notify manager'],
  red_flag: ['运营看板红旗', 'Red flag'],
  raise_priority: ['提升优先级', 'Raise priority'],
  reassign_supervisor: ['改派给主管', 'Reassign to supervisor'],
};
