import { Alert, Button, Form, Select, Space } from 'antd';
import { useMutation } from '@tanstack/react-query';
import type { SlaWhy } from '@gongdan/domain/sla/sla-policy';
import { api } from '../../../lib/api.ts';
import { FAULT_TYPES, faultTypeLabels } from '../../../lib/fault-types.ts';
import { useI18n, useText } from '../../../lib/i18n.tsx';
import { CUSTOMER_TIERS, IMPACT_SCOPES, impactLabels, PRIORITIES, priorityLabels, TICKET_TYPES, typeLabels } from '../../../lib/labels.ts';
import { errorText } from './error-text.ts';

interface Facts { customerTier?: string; faultType?: string; impactScope: string; type: string; priority: string }

/** "试一试": which row of the grid a ticket with these facts gets, and why — the same sentence tickets carry. */
export function MatchPreview() {
  const { t, en } = useI18n();
  const text = useText();
  const run = useMutation({
    mutationFn: (f: Facts) => api.raw.post<{ policyId: string | null; why: SlaWhy | null }>('/api/v1/sla/policies/match', {
      ...f, customerTier: f.customerTier ?? null, faultType: f.faultType ?? null,
    }),
  });
  const opts = (values: readonly string[], label: (v: string) => string) => values.map((v) => ({ value: v, label: label(v) }));
  return (
    <Form<Facts> layout="inline" initialValues={{ impactScope: 'single_device', type: 'repair', priority: 'normal' }} onFinish={(f) => run.mutate(f)} style={{ rowGap: 8, marginBottom: 12 }}>
      <Form.Item name="customerTier" label={t('客户等级', 'Tier')}><Select allowClear style={{ width: 90 }} options={opts(CUSTOMER_TIERS, (v) => v)} /></Form.Item>
      <Form.Item name="faultType" label={t('故障类型', 'Fault')}><Select allowClear style={{ width: 130 }} options={opts(FAULT_TYPES, (v) => text(faultTypeLabels[v], v))} /></Form.Item>
      <Form.Item name="impactScope" label={t('影响范围', 'Impact')}><Select style={{ width: 120 }} options={opts(IMPACT_SCOPES, (v) => text(impactLabels[v], v))} /></Form.Item>
      <Form.Item name="type" label={t('类型', 'Type')}><Select style={{ width: 100 }} options={opts(TICKET_TYPES, (v) => text(typeLabels[v], v))} /></Form.Item>
      <Form.Item name="priority" label={t('优先级', 'Priority')}><Select style={{ width: 90 }} options={opts(PRIORITIES, (v) => text(priorityLabels[v], v))} /></Form.Item>
      <Space>
        <Button htmlType="submit" loading={run.isPending}>{t('试一试', 'Try it')}</Button>
        {run.isError && <Alert type="error" showIcon title={errorText(run.error, en)} />}
        {run.data && (
          <Alert type={run.data.why ? 'info' : 'warning'} showIcon data-testid="match-result"
            title={run.data.why ? `${run.data.why.policyName}：${en ? run.data.why.summary.en : run.data.why.summary.zh}` : t('没有策略适用（默认策略已停用）', 'No policy applies (the default is inactive)')} />
        )}
      </Space>
    </Form>
  );
}
