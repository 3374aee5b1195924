import { Table, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { ROLE_PERMISSIONS } from '@gongdan/domain/access/permissions';
import { PERMISSIONS, USER_ROLES, type Permission } from '@gongdan/domain/access/roles';
import { useI18n, useText } from '../../../lib/i18n.tsx';
import { roleLabels } from '../../../lib/labels.ts';

const PERMISSION_LABELS: Record<Permission, [string, string]> = {
  'ticket.read': ['查看工单', 'Read tickets'],
  'ticket.read_internal': ['查看内部备注', 'Read internal notes'],
  'ticket.create': ['新建工单', 'Create tickets'],
  'ticket.update': ['编辑工单', 'Edit tickets'],
  'ticket.transition': ['流转工单（按流程定义）', 'Move tickets (per workflow)'],
  'ticket.comment': ['发表评论', 'Comment'],
  'ticket.comment_internal': ['内部备注', 'Internal notes'],
  'ticket.export': ['导出工单', 'Export tickets'],
  'attachment.upload': ['上传附件', 'Upload attachments'],
  'customer.read': ['查看客户', 'Read customers'],
  'customer.write': ['维护客户', 'Edit customers'],
  'user.read': ['查看用户', 'Read users'],
  'user.manage': ['管理用户与角色', 'Manage users and roles'],
  'team.manage': ['管理团队', 'Manage teams'],
  'audit.read': ['查看审计', 'Read audit'],
  'audit.verify': ['校验审计链', 'Verify the audit chain'],
  'admin_change.read': ['查看操作日志', 'Read the change log'],
  'token.manage': ['管理 API 令牌', 'Manage API tokens'],
  'webhook.manage': ['管理 Webhook', 'Manage webhooks'],
  'config.read': ['查看配置', 'Read settings'],
  'config.manage': ['修改配置（SLA、日历、表单）', 'Change settings (SLA, calendars, forms)'],
  'notification.read': ['接收通知', 'Notifications'],
  'event.subscribe': ['实时更新', 'Live updates'],
  'knowledge.read': ['查看知识库', 'Read knowledge'],
  'knowledge.write': ['撰写知识卡片', 'Write knowledge cards'],
  'knowledge.review': ['审核知识卡片', 'Review knowledge cards'],
};

/**
 * What each role may do: read from the domain's ROLE_PERMISSIONS, the same table the server
 * enforces (deny by default), so this page cannot drift from the rules. Roles are assigned to
 * people on the users tab; transitions add their own role lists from the workflow definition.
 */
export function RolesTab() {
  const { t } = useI18n();
  const text = useText();
  const rows = PERMISSIONS.map((p) => ({ key: p, permission: p }));
  return (
    <>
      <Typography.Paragraph type="secondary">
        {t('角色决定可用操作（默认拒绝）；在「用户与角色」中为人员分配角色。工单流转另受流程定义中各步骤允许的角色限制。',
          'A role decides what a person may do (deny by default); assign roles on "Users & roles". Each workflow step also names the roles that may take it.')}
      </Typography.Paragraph>
      <Table
        size="small" pagination={false} dataSource={rows} data-testid="roles-matrix"
        columns={[
          { title: t('权限', 'Permission'), dataIndex: 'permission', render: (p: Permission) => <span title={p}>{t(...PERMISSION_LABELS[p])}</span> },
          ...USER_ROLES.map((role) => ({
            title: text(roleLabels[role], role), key: role, align: 'center' as const, width: 96,
            render: (_: unknown, r: { permission: Permission }) => (ROLE_PERMISSIONS[role].has(r.permission)
              ? <span role="img" aria-label={t('有', 'Yes')} style={{ color: '#389e0d' }}><CheckOutlined aria-hidden /></span>
              : <span role="img" aria-label={t('无', 'No')} style={{ color: '#bfbfbf' }}>—</span>),
          })),
        ]}
      />
    </>
  );
}
