import { useState } from 'react';
import { App, Button, Drawer, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../lib/i18n.tsx';
import { ErrorState } from '../../../ui/states.tsx';
import { fieldAdminApi, fieldAdminKeys, useParts, type StockLevel, type StockMovement, type Warehouse } from './field-admin-api.ts';
import { saveError } from './save-errors.ts';

interface AdjustForm { partId: string; onHand: number; reason: string }

/** One warehouse's stock levels, the stock-count dialog (a reason is required) and the ledger of every change. */
export function StockDrawer({ warehouse, onClose }: { warehouse: Warehouse; onClose: () => void }) {
  const { t, locale } = useI18n();
  const en = locale === 'en-US';
  const { message } = App.useApp();
  const qc = useQueryClient();
  const parts = useParts();
  const stock = useQuery({ queryKey: fieldAdminKeys.stock(warehouse.id), queryFn: () => fieldAdminApi.stock(warehouse.id) });
  const ledger = useQuery({ queryKey: fieldAdminKeys.movements(warehouse.id), queryFn: () => fieldAdminApi.movements(warehouse.id) });
  const [adjusting, setAdjusting] = useState(false);
  const [form] = Form.useForm<AdjustForm>();
  const partId = Form.useWatch('partId', form);
  const partOf = (id: string) => parts.data?.find((p) => p.id === id);
  const adjust = useMutation({
    mutationFn: (v: AdjustForm) => fieldAdminApi.setStock(warehouse.id, v.partId, { onHand: v.onHand, reason: v.reason }),
    onSuccess: () => {
      message.success(t('库存已调整，变更已记入台账', 'Stock adjusted; the change is in the ledger'));
      setAdjusting(false);
      void qc.invalidateQueries({ queryKey: fieldAdminKeys.stock(warehouse.id) });
      void qc.invalidateQueries({ queryKey: fieldAdminKeys.movements(warehouse.id) });
    },
    onError: (e) => message.error(saveError(e, en, form, ['partId', 'onHand', 'reason'])),
  });
  const open = (level?: StockLevel) => {
    form.setFieldsValue({ partId: level?.partId, onHand: level?.onHand ?? 0, reason: '' });
    setAdjusting(true);
  };
  const current = stock.data?.find((s) => s.partId === partId);
  const kinds: Record<StockMovement['kind'], string> = {
    set: t('盘点/入库', 'Count / delivery'), reserve: t('预留', 'Reserved'), release: t('释放', 'Released'), consume: t('领用', 'Used'),
  };
  const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
  return (
    <Drawer open width={760} onClose={onClose} title={`${warehouse.name} · ${t('库存', 'Stock')}`} destroyOnHidden
      extra={<Button type="primary" onClick={() => open()}>{t('调整库存', 'Adjust stock')}</Button>}>
      {stock.isError ? <ErrorState error={stock.error} compact /> : (
        <Table<StockLevel>
          rowKey="partId" size="small" loading={stock.isPending} dataSource={stock.data ?? []} pagination={false} data-testid="stock-table"
          columns={[
            { title: t('备件', 'Part'), key: 'p', render: (_, s) => { const p = partOf(s.partId); return p ? `${p.partNo} ${p.name}` : s.partId; } },
            { title: t('在库', 'On hand'), dataIndex: 'onHand', width: 80 },
            { title: t('已预留', 'Reserved'), dataIndex: 'reserved', width: 80 },
            { title: t('可用', 'Available'), dataIndex: 'available', width: 80 },
            { title: '', key: 'a', width: 90, render: (_, s) => <Button size="small" onClick={() => open(s)}>{t('调整', 'Adjust')}</Button> },
          ]}
        />
      )}
      <Typography.Title level={5} style={{ marginTop: 20 }}>{t('库存台账', 'Stock ledger')}</Typography.Title>
      <Table<StockMovement>
        rowKey="id" size="small" loading={ledger.isPending} dataSource={ledger.data?.items ?? []} pagination={false} data-testid="stock-ledger"
        columns={[
          { title: t('时间', 'Time'), dataIndex: 'at', width: 150, render: (v: string) => new Date(v).toLocaleString(en ? 'en-GB' : 'zh-CN') },
          { title: t('备件', 'Part'), key: 'p', render: (_, m) => `${m.partNo} ${m.partName}` },
          { title: t('类型', 'Kind'), dataIndex: 'kind', width: 90, render: (k: StockMovement['kind']) => <Tag>{kinds[k]}</Tag> },
          { title: t('在库', 'On hand'), dataIndex: 'deltaOnHand', width: 70, render: signed },
          { title: t('预留', 'Reserved'), dataIndex: 'deltaReserved', width: 70, render: signed },
          { title: t('原因', 'Reason'), dataIndex: 'reason', render: (r: string | null) => r ?? '—' },
          { title: t('操作人', 'By'), key: 'by', width: 90, render: (_, m) => m.actor.name ?? '—' },
        ]}
      />
      <Modal open={adjusting} title={t('调整库存', 'Adjust stock')} onCancel={() => setAdjusting(false)} onOk={() => form.submit()}
        confirmLoading={adjust.isPending} okText={t('保存', 'Save')} cancelText={t('取消', 'Cancel')} destroyOnHidden forceRender>
        <Form form={form} layout="vertical" onFinish={(v) => adjust.mutate(v)}>
          <Form.Item name="partId" label={t('备件', 'Part')} rules={[{ required: true, message: t('请选择备件', 'Choose a part') }]}>
            <Select showSearch optionFilterProp="label" options={(parts.data ?? []).map((p) => ({ value: p.id, label: `${p.partNo} ${p.name}` }))} />
          </Form.Item>
          <Form.Item name="onHand" label={t('盘点后的在库数量', 'On-hand count after the change')}
            extra={current ? t(`当前在库 ${current.onHand}，已预留 ${current.reserved}（不能低于预留数）`, `Now ${current.onHand} on hand, ${current.reserved} reserved (cannot go below)`) : undefined}
            rules={[{ required: true, message: t('请填写数量', 'Enter the count') }]}>
            <InputNumber min={0} max={1_000_000} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="reason" label={t('原因', 'Reason')} rules={[{ required: true, whitespace: true, message: t('请填写原因，示例：月度盘点、供应商到货', 'Give a reason, e.g. monthly count, delivery') }]}>
            <Input placeholder={t('月度盘点 / 供应商到货 / 领料入车', 'Monthly count / delivery / loaded into the van')} />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}
