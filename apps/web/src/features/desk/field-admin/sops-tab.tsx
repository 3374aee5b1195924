import { useState } from 'react';
import { App, Button, Popconfirm, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../lib/i18n.tsx';
import { ErrorState } from '../../../ui/states.tsx';
import { fieldAdminApi, fieldAdminKeys, useSops, type Sop } from './field-admin-api.ts';
import { saveError } from './save-errors.ts';
import { SopEditor } from './sop-editor.tsx';

/** The SOP library: model-specific documents with text, images and video links; drafts reach engineers once published. */
export function SopsTab() {
  const { t, locale } = useI18n();
  const en = locale === 'en-US';
  const { message } = App.useApp();
  const qc = useQueryClient();
  const sops = useSops();
  const [editing, setEditing] = useState<Sop | 'new' | null>(null);
  const done = () => void qc.invalidateQueries({ queryKey: fieldAdminKeys.sops });
  const setStatus = useMutation({
    mutationFn: (v: { id: string; status: Sop['status'] }) => fieldAdminApi.updateSop(v.id, { status: v.status }),
    onSuccess: (s) => { message.success(s.status === 'published' ? t('已发布，工程师可见', 'Published; engineers see it') : t('已撤回为草稿', 'Withdrawn to draft')); done(); },
    onError: (e) => message.error(saveError(e, en)),
  });
  const remove = useMutation({ mutationFn: (id: string) => fieldAdminApi.deleteSop(id), onSuccess: done, onError: (e) => message.error(saveError(e, en)) });
  if (sops.isError) return <ErrorState error={sops.error} onRetry={() => void sops.refetch()} compact />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('新建 SOP', 'New SOP')}</Button>
      <Table<Sop>
        rowKey="id" size="small" loading={sops.isPending} dataSource={sops.data ?? []} pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('标题', 'Title'), dataIndex: 'title' },
          { title: t('适用型号', 'Models'), dataIndex: 'models', render: (m: string[]) => m.map((x) => <Tag key={x}>{x}</Tag>) },
          {
            title: t('状态', 'Status'), dataIndex: 'status', width: 90,
            render: (s: Sop['status']) => (s === 'published' ? <Tag color="green">{t('已发布', 'Published')}</Tag> : <Tag>{t('草稿', 'Draft')}</Tag>),
          },
          { title: t('图片 / 视频', 'Images / videos'), key: 'media', width: 110, render: (_, s) => `${s.images.length} / ${s.videoLinks.length}` },
          { title: t('更新时间', 'Updated'), dataIndex: 'updatedAt', width: 160, render: (v: string) => new Date(v).toLocaleString(en ? 'en-GB' : 'zh-CN') },
          {
            title: t('操作', 'Actions'), key: 'a', width: 220, render: (_, s) => (
              <Space>
                <Button size="small" onClick={() => setEditing(s)}>{t('编辑', 'Edit')}</Button>
                {s.status === 'draft'
                  ? <Button size="small" type="primary" onClick={() => setStatus.mutate({ id: s.id, status: 'published' })}>{t('发布', 'Publish')}</Button>
                  : <Button size="small" onClick={() => setStatus.mutate({ id: s.id, status: 'draft' })}>{t('撤回', 'Withdraw')}</Button>}
                <Popconfirm title={t('删除此 SOP？', 'Delete this SOP?')} okText={t('删除', 'Delete')} cancelText={t('取消', 'Cancel')} onConfirm={() => remove.mutate(s.id)}>
                  <Button size="small" danger>{t('删除', 'Delete')}</Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing && <SopEditor sop={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); done(); }} />}
    </Space>
  );
}
