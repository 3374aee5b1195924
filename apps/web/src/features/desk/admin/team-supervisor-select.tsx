import { App, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import type { Team, User } from '../../../lib/api-types.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { isApiError, issueText } from '../../../lib/problem.ts';
import { keys } from '../../../lib/query-keys.ts';

/** Sets a team's supervisor in place (active supervisors and admins); the server re-checks and logs it. */
export function TeamSupervisorSelect({ team, users }: { team: Team; users: User[] }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (supervisorId: string | null) => api.teams.update(team.id, { supervisorId }),
    onSuccess: () => {
      message.success(t('主管已更新', 'Supervisor updated'));
      void qc.invalidateQueries({ queryKey: keys.teams });
    },
    onError: (e) => message.error(isApiError(e) ? (e.problem.errors?.[0] ? issueText(e.problem.errors[0]) : e.problem.title) : String(e)),
  });
  return (
    <Select<string>
      allowClear size="small" style={{ minWidth: 140 }} value={team.supervisorId ?? undefined} loading={save.isPending}
      aria-label={t(`${team.name} 的主管`, `Supervisor of ${team.name}`)} placeholder={t('未指定', 'None')}
      options={users.filter((u) => u.active && (u.role === 'supervisor' || u.role === 'admin')).map((u) => ({ value: u.id, label: u.name }))}
      onChange={(v) => save.mutate(v ?? null)}
    />
  );
}
