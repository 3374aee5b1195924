import { useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../lib/i18n.tsx';
import { ErrorState } from '../../../ui/states.tsx';
import { fieldAdminApi, fieldAdminKeys, useParts, type Part } from './field-admin-api.ts';
import { saveError } from './save-errors.ts';

interface PartForm { partNo: string; name: string; unit: string; models: string[]; substituteIds: string[] }
const FIELDS = ['partNo', 'name', 'unit', 'models', 'substituteIds'] as const;

/** The spare-parts catalogue: part number, name, the device models it fits, parts that may replace it. */
export function PartsTab() {
  const { t, locale } = useI18n();
  const en = locale === 'en-US';
  const { message } = App.useApp();
  const qc = useQueryClient();
  const parts = useParts();
  const [editing, setEditing] = useState<Part | 'new' | null>(null);
  const [q, setQ] = useState('');
  const [form] = Form.useForm<PartForm>();
  const save = useMutation({
    mutationFn: (v: PartForm) => (editing === 'new' || !editing ? fieldAdminApi.createPart(v) : fieldAdminApi.updatePart(editing.id, v)),
    onSuccess: () => {
      message.success(t('备件已保存', 'Part saved'));
      setEditing(null);
      void qc.invalidateQueries({ queryKey: fieldAdminKeys.parts });
    },
    onError: (e) => message.error(saveError(e, en, form, FIELDS)),
  });
  const retire = useMutation({
    mutationFn: (id: string) => fieldAdminApi.deletePart(id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: fieldAdminKeys.parts }),
    onError: (e) => message.error(saveError(e, en)),
  });
  if (parts.isError) return <ErrorState error={parts.error} onRetry={() => void parts.refetch()} compact />;
  const all = parts.data ?? [];
  const byId = new Map(all.map((p) => [p.id, p]));
  const needle = q.trim().toLowerCase();
  const shown = needle ? all.filter((p) => `${p.partNo} ${p.name} ${p.models.join(' ')}`.toLowerCase().includes(needle)) : all;
  const open = (p: Part | 'new') => {
    setEditing(p);
    form.setFieldsValue(p === 'new' ? { partNo: '', name: '', unit: '个', models: [], substituteIds: [] }
      : { partNo: p.partNo, name: p.name, unit: p.unit, models: p.models, substituteIds: p.substituteIds });
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>{t('新建备件', 'New part')}</Button>
        <Input.Search allowClear placeholder={t('搜索编号、名称或型号', 'Search number, name or model')} onChange={(e) => setQ(e.target.value)} style={{ width: 280 }} />
      </Space>
      <Table<Part>
        rowKey="id" size="small" loading={parts.isPending} dataSource={shown} pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('备件编号', 'Part no.'), dataIndex: 'partNo', width: 140 },
          { title: t('名称', 'Name'), dataIndex: 'name' },
          { title: t('单位', 'Unit'), dataIndex: 'unit', width: 70 },
          { title: t('适用型号', 'Fits models'), dataIndex: 'models', render: (m: string[]) => m.map((x) => <Tag key={x}>{x}</Tag>) },
          { title: t('替代件', 'Substitutes'), dataIndex: 'substituteIds', render: (ids: string[]) => ids.map((id) => <Tag key={id} color="blue">{byId.get(id)?.partNo ?? id}</Tag>) },
          {
            title: t('操作', 'Actions'), key: 'a', width: 150, render: (_, p) => (
              <Space>
                <Button size="small" onClick={() => open(p)}>{t('编辑', 'Edit')}</Button>
                <Popconfirm title={t('停用此备件？历史记录仍保留其名称', 'Retire this part? History keeps its name')} okText={t('停用', 'Retire')} cancelText={t('取消', 'Cancel')} onConfirm={() => retire.mutate(p.id)}>
                  <Button size="small" danger>{t('停用', 'Retire')}</Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null} title={editing === 'new' ? t('新建备件', 'New part') : t('编辑备件', 'Edit part')} onCancel={() => setEditing(null)}
        onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('保存', 'Save')} cancelText={t('取消', 'Cancel')} destroyOnHidden forceRender
      >
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="partNo" label={t('备件编号', 'Part no.')} rules={[{ required: true, whitespace: true, message: t('请填写备件编号，示例：P-10023', 'Enter the part number, e.g. P-10023') }]}><Input placeholder="P-10023" /></Form.Item>
          <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true, whitespace: true, message: t('请填写名称', 'Enter the name') }]}><Input /></Form.Item>
          <Form.Item name="unit" label={t('单位', 'Unit')} rules={[{ required: true, whitespace: true }]}><Input style={{ width: 120 }} /></Form.Item>
          <Form.Item name="models" label={t('适用型号（回车添加）', 'Fits models (Enter to add)')}><Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} /></Form.Item>
          <Form.Item name="substituteIds" label={t('可替代此备件的备件', 'Parts that may replace it')}>
            <Select mode="multiple" optionFilterProp="label"
              options={all.filter((p) => editing === 'new' || p.id !== editing?.id).map((p) => ({ value: p.id, label: `${p.partNo} ${p.name}` }))} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
