import { App } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../lib/i18n.tsx';
import { errorText } from './error-text.ts';
import { slaApi, slaKeys, type CalendarPatch } from './sla-api.ts';

/** Saves a calendar edit; the month view, coverage banner and calendar list refresh after. */
export function useCalendarSave(id: string, onDone: () => void) {
  const { t, en } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: CalendarPatch) => slaApi.updateCalendar(id, patch),
    onSuccess: () => {
      message.success(t('日历已保存，未结工单的截止时间将随之重算', 'Calendar saved; open tickets’ deadlines are being recomputed'));
      void qc.invalidateQueries({ queryKey: slaKeys.all });
      onDone();
    },
    onError: (e) => message.error(errorText(e, en)),
  });
}
