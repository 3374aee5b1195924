import { App, Form, Input, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { applyFieldErrors } from '../../../lib/form-errors.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { isApiError } from '../../../lib/problem.ts';
import { filtersOfView, queryOfFilters, savedViewsKey, type SavedView } from './saved-views.tsx';
import type { Filters } from './board-params.ts';

/** Names the board's current filters and saves them as a view (a chunk of its own: most visits never save). */
export default function SaveViewDialog({ filters, onClose, onSaved }: { filters: Filters; onClose: () => void; onSaved: (f: Filters) => void }) {
  const { t, en } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ name: string }>();
  const save = useMutation({
    mutationFn: (name: string) => api.raw.post<SavedView>('/api/v1/saved-views', { name, query: queryOfFilters(filters) }),
    onSuccess: (v) => { void qc.invalidateQueries({ queryKey: savedViewsKey }); onSaved(filtersOfView(v)); onClose(); },
    onError: (e) => { if (isApiError(e)) applyFieldErrors(form, e.fieldErrors, en, ['name']); message.error(isApiError(e) ? e.problem.title : String(e)); },
  });
  return (
    <Modal open title={t('保存当前筛选为视图', 'Save the current filters as a view')} onCancel={onClose} onOk={() => form.submit()}
      confirmLoading={save.isPending} okText={t('保存', 'Save')} cancelText={t('取消', 'Cancel')} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v.name)}>
        <Form.Item name="name" label={t('视图名称', 'View name')} rules={[{ required: true, whitespace: true, max: 50 }]}><Input autoFocus /></Form.Item>
      </Form>
    </Modal>
  );
}
