import { useState } from 'react';
import { App, Button, Card, Form, List, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, LinkOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import type { LinkKind, Ticket } from '../../../lib/api-types.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { isApiError, issueText } from '../../../lib/problem.ts';
import { keys } from '../../../lib/query-keys.ts';
import { EmptyState, ErrorState, Loading } from '../../../ui/states.tsx';
import { StatusTag } from '../../../ui/tags.tsx';
import { TicketPicker } from './ticket-picker.tsx';

/** Related / duplicate-of / caused-by links; adding and removing only when the server lets this person edit. */
export function LinksPanel({ ticket }: { ticket: Ticket }) {
  const { t, en } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<{ otherTicketId: string; kind: LinkKind }>();
  const links = useQuery({ queryKey: keys.ticketLinks(ticket.id), queryFn: () => api.tickets.links(ticket.id), select: (d) => d.items });
  const canEdit = ticket.allowedActions.includes('update');
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: keys.ticketLinks(ticket.id) });
    void qc.invalidateQueries({ queryKey: keys.ticketAudit(ticket.id) });
  };
  const fail = (e: unknown) => message.error(isApiError(e) ? [e.problem.title, ...e.fieldErrors.map((i) => issueText(i, en))].join('：') : String(e));
  const add = useMutation({ mutationFn: (v: { otherTicketId: string; kind: LinkKind }) => api.tickets.addLink(ticket.id, v.otherTicketId, v.kind), onSuccess: () => { setAdding(false); form.resetFields(); refresh(); }, onError: fail });
  const remove = useMutation({ mutationFn: (linkId: string) => api.tickets.removeLink(ticket.id, linkId), onSuccess: refresh, onError: fail });
  return (
    <Card size="small" title={t('关联工单', 'Linked tickets')} extra={canEdit && !adding && <Button size="small" icon={<LinkOutlined />} onClick={() => setAdding(true)}>{t('添加关联', 'Add link')}</Button>}>
      {adding && (
        <Form form={form} layout="vertical" initialValues={{ kind: 'related' }} onFinish={(v) => add.mutate(v)} style={{ marginBottom: 8 }}>
          <Form.Item name="kind" label={t('关系', 'Relation')}>
            <Select options={[{ value: 'related', label: t('相关', 'Related') }, { value: 'duplicate_of', label: t('重复于', 'Duplicate of') }, { value: 'caused_by', label: t('由…引起', 'Caused by') }]} />
          </Form.Item>
          <Form.Item name="otherTicketId" label={t('工单', 'Ticket')} rules={[{ required: true, message: t('请选择工单', 'Pick a ticket') }]}><TicketPicker excludeId={ticket.id} /></Form.Item>
          <Space><Button type="primary" size="small" htmlType="submit" loading={add.isPending}>{t('保存', 'Save')}</Button><Button size="small" onClick={() => setAdding(false)}>{t('取消', 'Cancel')}</Button></Space>
        </Form>
      )}
      {links.isPending ? <Loading rows={2} /> : links.isError ? <ErrorState error={links.error} compact /> : links.data.length === 0 ? <EmptyState description={t('没有关联工单', 'No linked tickets')} /> : (
        <List
          size="small" dataSource={links.data}
          renderItem={(l) => (
            <List.Item actions={canEdit && !l.mergedAt ? [<Popconfirm key="rm" title={t('移除此关联？', 'Remove this link?')} onConfirm={() => remove.mutate(l.id)}><Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('移除', 'Remove')} /></Popconfirm>] : []}>
              <Space size={6} wrap>
                <Tag color={l.mergedAt ? 'purple' : 'default'}>{l.label}</Tag>
                <Link to={`/tickets/${l.ticket.id}`}>{l.ticket.number}</Link>
                <StatusTag status={l.ticket.status} label={l.ticket.statusLabel} />
                <Typography.Text ellipsis style={{ maxWidth: 180 }}>{l.ticket.title}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
