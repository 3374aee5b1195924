import { useInfiniteQuery } from '@tanstack/react-query';
import type { AdminChangeDtoT, AdminChangeEntity, AdminChangePageT } from '@gongdan/contracts/admin-changes';
import { apiRequest } from '../../../../lib/api.ts';

export type AdminChange = AdminChangeDtoT;

/** Labels of the entities the change log records (zh-CN, en-US); order is the filter's. */
export const ENTITY_LABELS: Record<AdminChangeEntity, [string, string]> = {
  user: ['用户', 'User'], team: ['团队', 'Team'], team_calendar: ['团队日历', 'Team calendar'], api_token: ['API 令牌', 'API token'],
  sla_policy: ['SLA 策略', 'SLA policy'], calendar: ['工作日历', 'Calendar'], workflow: ['工作流', 'Workflow'], form: ['表单', 'Form'],
  part: ['备件', 'Spare part'], warehouse: ['仓库', 'Warehouse'], sop: ['SOP 文档', 'SOP'], webhook: ['Webhook', 'Webhook'],
  chat_robot: ['群机器人', 'Chat robot'], executability: ['可执行性检查', 'Executability checks'],
  confirmation_policy: ['确认策略', 'Confirmation policy'],
};

export const ACTION_LABELS: Record<string, [string, string]> = {
  create: ['新建', 'Created'], update: ['修改', 'Updated'], delete: ['删除', 'Deleted'], revoke: ['吊销', 'Revoked'],
};

export interface ChangeLogFilter {
  entity?: AdminChangeEntity | undefined;
  actorId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** The admin change log, newest first; `fetchNextPage` follows the keyset cursor. */
export function useAdminChanges(filter: ChangeLogFilter) {
  return useInfiniteQuery({
    queryKey: ['admin-changes', filter] as const,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => apiRequest<AdminChangePageT>('GET', '/api/v1/admin/changes', { query: { ...filter, cursor: pageParam, limit: 50 } }),
    getNextPageParam: (last) => last.nextCursor,
  });
}
