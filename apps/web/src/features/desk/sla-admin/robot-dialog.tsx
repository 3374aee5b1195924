import { App, Form, Input, Modal, Select, Switch } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { applyFieldErrors } from '../../../lib/form-errors.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { isApiError } from '../../../lib/problem.ts';
import { useTeams } from '../directory.ts';
import { errorText } from './error-text.ts';
import { slaApi, slaKeys, usePolicies, type CreateRobot } from './sla-api.ts';

export const ROBOT_KIND_LABELS: Record<string, [string, string]> = { wecom: ['企业微信群机器人', 'WeCom group robot'], dingtalk: ['钉钉自定义机器人', 'DingTalk custom robot'], feishu: ['飞书自定义机器人', 'Feishu custom bot'] };
const kindLabel = (k: string, t: (zh: string, en: string) => string) => { const l = ROBOT_KIND_LABELS[k]; return l ? t(l[0], l[1]) : k; };
export { kindLabel as robotKindLabel };

/** Connects a robot: its webhook URL and (DingTalk/Feishu) signing secret, scoped to a team or policy. */
export function RobotDialog({ onClose }: { onClose: () => void }) {
  const { t, en } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const teams = useTeams();
  const policies = usePolicies();
  const [form] = Form.useForm<CreateRobot>();
  const create = useMutation({
    mutationFn: (v: CreateRobot) => slaApi.createRobot({ ...v, secret: v.secret || null, teamId: v.teamId ?? null, policyId: v.policyId ?? null }),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: slaKeys.robots }); onClose(); },
    onError: (e) => {
      const rest = isApiError(e) ? applyFieldErrors(form, e.fieldErrors, en, ['name', 'kind', 'webhookUrl', 'secret', 'teamId', 'policyId']) : [];
      if (!isApiError(e) || rest.length || e.fieldErrors.length === 0) message.error(errorText(e, en));
    },
  });
  return (
    <Modal open title={t('连接群机器人', 'Connect a chat robot')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending}
      okText={t('保存', 'Save')} cancelText={t('取消', 'Cancel')} destroyOnHidden>
      <Form<CreateRobot> form={form} layout="vertical" initialValues={{ kind: 'wecom', enabled: true }} onFinish={(v) => create.mutate(v)}>
        <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true, whitespace: true }]}><Input maxLength={100} placeholder={t('如：深圳售后群', 'e.g. Shenzhen service group')} /></Form.Item>
        <Form.Item name="kind" label={t('平台', 'Platform')} rules={[{ required: true }]}>
          <Select options={(['wecom', 'dingtalk', 'feishu'] as const).map((k) => ({ value: k, label: kindLabel(k, t) }))} />
        </Form.Item>
        <Form.Item name="webhookUrl" label={t('Webhook 地址', 'Webhook URL')} rules={[{ required: true, type: 'url' }]}><Input placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…" /></Form.Item>
        <Form.Item name="secret" label={t('加签密钥（钉钉 SEC… / 飞书签名校验）', 'Signing secret (DingTalk SEC… / Feishu)')}><Input.Password autoComplete="new-password" /></Form.Item>
        <Form.Item name="teamId" label={t('仅用于团队', 'Only for team')}><Select allowClear options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))} /></Form.Item>
        <Form.Item name="policyId" label={t('仅用于策略', 'Only for policy')}><Select allowClear options={(policies.data ?? []).map((x) => ({ value: x.id, label: x.name }))} /></Form.Item>
        <Form.Item name="enabled" label={t('启用', 'Enabled')} valuePropName="checked"><Switch /></Form.Item>
      </Form>
    </Modal>
  );
}
