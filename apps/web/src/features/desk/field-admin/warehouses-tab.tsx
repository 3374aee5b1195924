import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../lib/i18n.tsx';
import { ErrorState } from '../../../ui/states.tsx';
import { useUsers } from '../directory.ts';
import { fieldAdminApi, fieldAdminKeys, useWarehouses, type Warehouse } from './field-admin-api.ts';
import { saveError } from './save-errors.ts';
import { StockDrawer } from './stock-drawer.tsx';

type Kind = Warehouse['kind'];
interface WarehouseForm { code: string; name: string; kind: Kind; ownerId?: string | null; region?: string; address?: string; lat?: number | null; lng?: number | null }
const FIELDS = ['code', 'name', 'kind', 'ownerId', 'region', 'address', 'location'] as const;
export const kindLabel = (t: (zh: string, en: string) => string, k: Kind) =>
  ({ central: t('中心仓', 'Central'), regional: t('区域仓', 'Regional'), van: t('车载库', 'Van') })[k];
const kindColor: Record<Kind, string> = { central: 'geekblue', regional: 'cyan', van: 'orange' };

/** Warehouses: central, regional and each engineer's van, with the stock each holds. */
export function WarehousesTab() {
  const { t, locale } = useI18n();
  const en = locale === 'en-US';
  const { message } = App.useApp();
  const qc = useQueryClient();
  const warehouses = useWarehouses();
  const engineers = (useUsers().data ?? []).filter((u) => u.role === 'engineer');
  const [editing, setEditing] = useState<Warehouse | 'new' | null>(null);
  const [stockOf, setStockOf] = useState<Warehouse | null>(null);
  const [form] = Form.useForm<WarehouseForm>();
  const kind = Form.useWatch('kind', form);
  const save = useMutation({
    mutationFn: (v: WarehouseForm) => {
      // Where it is (WGS-84) ranks it among the alternatives when a part is missing: nearest first.
      const location = typeof v.lat === 'number' && typeof v.lng === 'number' ? { lat: v.lat, lng: v.lng } : null;
      const common = { name: v.name, region: v.region || null, address: v.address || null, location };
      if (editing === 'new' || !editing) return fieldAdminApi.createWarehouse({ ...common, code: v.code, kind: v.kind, ownerId: v.kind === 'van' ? (v.ownerId ?? null) : null });
      return fieldAdminApi.updateWarehouse(editing.id, { ...common, ...(editing.kind === 'van' ? { ownerId: v.ownerId ?? null } : {}) });
    },
    onSuccess: () => {
      message.success(t('仓库已保存', 'Warehouse saved'));
      setEditing(null);
      void qc.invalidateQueries({ queryKey: fieldAdminKeys.warehouses });
    },
    onError: (e) => message.error(saveError(e, en, form, FIELDS)),
  });
  if (warehouses.isError) return <ErrorState error={warehouses.error} onRetry={() => void warehouses.refetch()} compact />;
  const open = (w: Warehouse | 'new') => {
    setEditing(w);
    form.setFieldsValue(w === 'new' ? { code: '', name: '', kind: 'central', ownerId: null, region: '', address: '', lat: null, lng: null }
      : { code: w.code, name: w.name, kind: w.kind, ownerId: w.owner?.id ?? null, region: w.region ?? '', address: w.address ?? '', lat: w.location?.lat ?? null, lng: w.location?.lng ?? null });
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>{t('新建仓库', 'New warehouse')}</Button>
      <Table<Warehouse>
        rowKey="id" size="small" loading={warehouses.isPending} dataSource={warehouses.data ?? []} pagination={false}
        columns={[
          { title: t('编码', 'Code'), dataIndex: 'code', width: 120 },
          { title: t('名称', 'Name'), dataIndex: 'name' },
          { title: t('类型', 'Kind'), dataIndex: 'kind', width: 90, render: (k: Kind) => <Tag color={kindColor[k]}>{kindLabel(t, k)}</Tag> },
          { title: t('工程师', 'Engineer'), key: 'owner', render: (_, w) => w.owner?.name ?? '—' },
          { title: t('地区', 'Region'), dataIndex: 'region', render: (r: string | null) => r ?? '—' },
          {
            title: t('操作', 'Actions'), key: 'a', width: 170, render: (_, w) => (
              <Space>
                <Button size="small" type="primary" ghost onClick={() => setStockOf(w)}>{t('库存', 'Stock')}</Button>
                <Button size="small" onClick={() => open(w)}>{t('编辑', 'Edit')}</Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null} title={editing === 'new' ? t('新建仓库', 'New warehouse') : t('编辑仓库', 'Edit warehouse')} onCancel={() => setEditing(null)}
        onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('保存', 'Save')} cancelText={t('取消', 'Cancel')} destroyOnHidden forceRender
      >
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="code" label={t('仓库编码', 'Code')} rules={[{ required: true, whitespace: true, message: t('请填写编码，示例：VAN-SZ-01', 'Enter a code, e.g. VAN-SZ-01') }]}>
            <Input disabled={editing !== 'new'} placeholder="VAN-SZ-01" />
          </Form.Item>
          <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true, whitespace: true, message: t('请填写名称', 'Enter the name') }]}><Input /></Form.Item>
          <Form.Item name="kind" label={t('类型', 'Kind')} rules={[{ required: true }]}>
            <Select disabled={editing !== 'new'} options={(['central', 'regional', 'van'] as const).map((k) => ({ value: k, label: kindLabel(t, k) }))} />
          </Form.Item>
          {kind === 'van' && (
            <Form.Item name="ownerId" label={t('所属工程师', 'Engineer')} rules={[{ required: true, message: t('车载库须指定工程师', 'A van needs its engineer') }]}>
              <Select showSearch optionFilterProp="label" options={engineers.map((u) => ({ value: u.id, label: u.name }))} />
            </Form.Item>
          )}
          <Form.Item name="region" label={t('地区', 'Region')}><Input /></Form.Item>
          <Form.Item name="address" label={t('地址', 'Address')}><Input /></Form.Item>
          <Space>
            <Form.Item name="lat" label={t('纬度（WGS-84）', 'Latitude (WGS-84)')} rules={[{ type: 'number', min: -90, max: 90 }]}><InputNumber style={{ width: 160 }} placeholder="22.5405" /></Form.Item>
            <Form.Item name="lng" label={t('经度（WGS-84）', 'Longitude (WGS-84)')} rules={[{ type: 'number', min: -180, max: 180 }]}><InputNumber style={{ width: 160 }} placeholder="113.9345" /></Form.Item>
          </Space>
        </Form>
      </Modal>
      {stockOf && <StockDrawer warehouse={stockOf} onClose={() => setStockOf(null)} />}
    </Space>
  );
}
