import { useState } from 'react';
import { Alert, Button, Space } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useI18n } from '../../../lib/i18n.tsx';
import { errorText } from './error-text.ts';
import { slaApi, type ChatRobot } from './sla-api.ts';

/**
 * "发送测试消息": queues a test through the outbox (rate limits and retries apply) and follows
 * the delivery log until the platform answered, then shows its verdict.
 */
export function RobotTest({ robot }: { robot: ChatRobot }) {
  const { t, en } = useI18n();
  const [messageId, setMessageId] = useState<string | null>(null);
  const send = useMutation({ mutationFn: () => slaApi.testRobot(robot.id), onSuccess: (r) => setMessageId(r.messageId) });
  const log = useQuery({
    queryKey: ['sla-admin', 'robots', robot.id, 'deliveries', messageId],
    queryFn: async () => (await slaApi.deliveries(robot.id)).items.filter((d) => d.messageId === messageId),
    enabled: !!messageId,
    refetchInterval: (q) => (q.state.data?.some((d) => d.status === 'sent') || (q.state.data?.filter((d) => d.status === 'failed').length ?? 0) > 0 ? false : 700),
  });
  const last = log.data?.[0];
  const verdict = !messageId ? null : !last || last.status === 'sending'
    ? <Alert type="info" showIcon title={t('正在发送…', 'Sending…')} />
    : last.status === 'sent'
      ? <Alert type="success" showIcon title={t(`发送成功（HTTP ${last.httpStatus ?? ''}，${last.durationMs ?? 0} 毫秒）`, `Delivered (HTTP ${last.httpStatus ?? ''}, ${last.durationMs ?? 0} ms)`)} />
      : <Alert type="error" showIcon title={t('发送失败', 'Failed')} description={[last.errorCode, last.error].filter(Boolean).join(' · ')} />;
  return (
    <Space orientation="vertical" size={4} data-testid={`robot-test-${robot.id}`}>
      <Button size="small" icon={<SendOutlined />} loading={send.isPending} onClick={() => { setMessageId(null); send.mutate(); }}>{t('发送测试消息', 'Send test message')}</Button>
      {send.isError && <Alert type="error" showIcon title={errorText(send.error, en)} />}
      <div data-testid="robot-test-result">{verdict}</div>
    </Space>
  );
}
