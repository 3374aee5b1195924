import { useEffect } from 'react';
import { App, Button, Card, Checkbox, Form, Input, Switch, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { NotificationSettingsDto } from '@gongdan/contracts/notifications';
import { api } from '../../../lib/api.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { isApiError, issueText } from '../../../lib/problem.ts';

type Settings = z.infer<typeof NotificationSettingsDto>;
type Segment = { start: string; end: string };
const settingsKey = ['notification-settings'] as const;
const DAYS = [1, 2, 3, 4, 5, 6, 0] as const;
const SEGMENTS = /^\s*(\d{2}:\d{2})\s*[-–~]\s*(\d{2}:\d{2})\s*$/;

interface Values {
  limited: boolean;
  days: number[];
  hours: string;
  cnHolidays: boolean;
  wecomUserId: string;
  dingtalkUserId: string;
  feishuUserId: string;
}

/** "09:00-12:00, 13:30-18:00" ⇄ segments. */
const hoursText = (s: readonly Segment[]) => s.map((x) => `${x.start}-${x.end}`).join(', ');
function parseHours(text: string): Segment[] | null {
  const parts = text.split(/[,，;；]/).map((p) => p.trim()).filter(Boolean);
  const out: Segment[] = [];
  for (const p of parts) {
    const m = SEGMENTS.exec(p);
    if (!m) return null;
    out.push({ start: m[1]!, end: m[2]! });
  }
  return out.length > 0 ? out : null;
}

function valuesOf(s: Settings): Values {
  const weekly = s.workingHours?.weekly ?? [];
  const days = DAYS.filter((d) => (weekly[d]?.length ?? 0) > 0);
  const first = days.map((d) => weekly[d]!).find((x) => x.length > 0) ?? [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '18:00' }];
  return {
    limited: s.workingHours !== null, days: s.workingHours ? [...days] : [1, 2, 3, 4, 5], hours: hoursText(first),
    cnHolidays: (s.workingHours?.holidays ?? 'cn') === 'cn',
    wecomUserId: s.wecomUserId ?? '', dingtalkUserId: s.dingtalkUserId ?? '', feishuUserId: s.feishuUserId ?? '',
  };
}

/**
 * The person's notification settings on the profile page: working hours (non-urgent SLA levels
 * outside them wait for the next working instant; urgent ones always go out) and the ids the chat
 * robots @mention them by. One segment list for all chosen days keeps the form small; the API
 * takes a full week.
 */
export function NotificationSettingsCard() {
  const { t, en } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const settings = useQuery({ queryKey: settingsKey, queryFn: () => api.raw.get<Settings>('/api/v1/me/notification-settings') });
  useEffect(() => { if (settings.data) form.setFieldsValue(valuesOf(settings.data)); }, [settings.data, form]);
  const limited = Form.useWatch('limited', form);
  const save = useMutation({
    mutationFn: (body: Settings) => api.raw.request<Settings>('PUT', '/api/v1/me/notification-settings', { body }),
    onSuccess: (s) => { qc.setQueryData(settingsKey, s); void message.success(t('通知设置已保存', 'Notification settings saved')); },
    onError: (e) => {
      const issues = isApiError(e) ? e.fieldErrors.map((i) => issueText(i, en)).join('；') : String(e);
      void message.error(`${t('保存失败', 'Save failed')}：${issues}`);
    },
  });
  const submit = (v: Values) => {
    const segments = v.limited ? parseHours(v.hours) : [];
    if (segments === null) {
      form.setFields([{ name: 'hours', errors: [t('请按“09:00-12:00, 13:30-18:00”填写', 'Write it like "09:00-12:00, 13:30-18:00"')] }]);
      return;
    }
    const weekly = [0, 1, 2, 3, 4, 5, 6].map((d) => (v.days.includes(d) ? segments : []));
    save.mutate({
      workingHours: v.limited ? { timeZone: settings.data?.workingHours?.timeZone ?? 'Asia/Shanghai', weekly, holidays: v.cnHolidays ? 'cn' : 'none' } : null,
      wecomUserId: v.wecomUserId.trim() || null, dingtalkUserId: v.dingtalkUserId.trim() || null, feishuUserId: v.feishuUserId.trim() || null,
    });
  };
  const dayLabel = (d: number) => (en ? ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d] : ['周日', '周一', '周二', '周三', '周四', '周五', '周六'][d]);
  return (
    <Card title={t('通知设置', 'Notifications')} loading={settings.isLoading} data-testid="notification-settings">
      <Typography.Paragraph type="secondary">
        {t('设置工作时间后，非紧急的 SLA 提醒（如 75% 预警）在工作时间外不会打扰你，会在下一个工作时段开始时送达；紧急级别（超时、升级）始终立即送达。',
          'With working hours set, non-urgent SLA reminders (such as the 75 % warning) wait for your next working period; urgent levels (breach, escalation) always go out at once.')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 560 }}>
        <Form.Item name="limited" valuePropName="checked" label={t('只在工作时间提醒非紧急事项', 'Non-urgent reminders only in working hours')}>
          <Switch aria-label={t('只在工作时间提醒非紧急事项', 'Non-urgent reminders only in working hours')} />
        </Form.Item>
        {limited && (
          <>
            <Form.Item name="days" label={t('工作日', 'Working days')}>
              <Checkbox.Group options={DAYS.map((d) => ({ value: d, label: dayLabel(d) }))} />
            </Form.Item>
            <Form.Item name="hours" label={t('工作时段', 'Working hours')} extra={t('示例：09:00-12:00, 13:30-18:00（午休不提醒）', 'Example: 09:00-12:00, 13:30-18:00 (no pings over lunch)')}>
              <Input placeholder="09:00-12:00, 13:30-18:00" />
            </Form.Item>
            <Form.Item name="cnHolidays" valuePropName="checked">
              <Checkbox>{t('法定节假日不提醒，调休上班日照常提醒', 'Follow the Chinese statutory holidays and make-up workdays')}</Checkbox>
            </Form.Item>
          </>
        )}
        <Form.Item name="wecomUserId" label={t('企业微信 userid（群机器人 @ 你）', 'WeCom userid (robot @mentions)')}><Input maxLength={100} /></Form.Item>
        <Form.Item name="dingtalkUserId" label={t('钉钉 userId', 'DingTalk userId')}><Input maxLength={100} /></Form.Item>
        <Form.Item name="feishuUserId" label={t('飞书 user_id / open_id', 'Feishu user_id / open_id')}><Input maxLength={100} /></Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>{t('保存', 'Save')}</Button>
      </Form>
    </Card>
  );
}
