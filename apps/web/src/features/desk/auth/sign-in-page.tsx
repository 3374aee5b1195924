import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { applyFieldErrors } from '../../../lib/form-errors.ts';
import { useI18n, type Locale } from '../../../lib/i18n.tsx';
import { isApiError } from '../../../lib/problem.ts';
import { useSession, useSetSession } from '../../../lib/session.ts';

interface Values { email: string; password: string }

/** Sign-in: says exactly what is wrong (wrong password, locked for 15 minutes, too many tries, offline). */
export default function SignInPage() {
  const { t, locale, setLocale, en } = useI18n();
  const [form] = Form.useForm<Values>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const setSession = useSetSession();
  const [message, setMessage] = useState<{ kind: 'error' | 'warning'; title: string; detail?: string } | null>(null);
  const next = params.get('next')?.startsWith('/') ? (params.get('next') as string) : '/tickets';

  const signIn = useMutation({
    mutationFn: (v: Values) => api.auth.signIn(v.email.trim(), v.password),
    onSuccess: (s) => {
      setSession(s);
      navigate(next, { replace: true });
    },
    onError: (e) => {
      if (!isApiError(e)) return setMessage({ kind: 'error', title: String(e) });
      if (e.code === 'validation_failed') applyFieldErrors(form, e.fieldErrors, en, ['email', 'password']);
      if (e.status === 423) {
        return setMessage({
          kind: 'warning', title: e.problem.title,
          detail: t('为保护账号安全已临时锁定，请 15 分钟后再试，或联系管理员解锁。', 'Locked to protect the account: try again in 15 minutes or ask an administrator.'),
        });
      }
      if (e.status === 401) {
        return setMessage({ kind: 'error', title: e.problem.title, detail: t('请检查邮箱拼写和大小写锁定；连续输错 5 次将锁定账号。', 'Check the email and Caps Lock; 5 wrong passwords in a row lock the account.') });
      }
      setMessage({ kind: 'error', title: e.problem.title, ...(e.problem.detail ? { detail: e.problem.detail } : {}) });
    },
  });

  if (session.data) return <Navigate to={next} replace />;

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: 'linear-gradient(135deg, #0f1f3d 0%, #1456d9 100%)', padding: 16 }}>
      <Card style={{ width: 400, maxWidth: '100%' }} styles={{ body: { padding: 32 } }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>{t('工单 · 服务台', 'Gongdan Desk')}</Typography.Title>
          <Segmented<Locale> size="small" value={locale} onChange={setLocale} options={[{ label: '中文', value: 'zh-CN' }, { label: 'EN', value: 'en-US' }]} />
        </div>
        <Typography.Paragraph type="secondary">{t('登录以处理服务工单', 'Sign in to work on service tickets')}</Typography.Paragraph>
        {message && <Alert type={message.kind} showIcon title={message.title} description={message.detail} style={{ marginBottom: 16 }} data-testid="sign-in-error" />}
        <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => { setMessage(null); signIn.mutate(v); }} onValuesChange={() => setMessage(null)}>
          <Form.Item name="email" label={t('邮箱', 'Email')} rules={[{ required: true, message: t('请输入登录邮箱', 'Enter your email') }, { type: 'email', message: t('邮箱格式不正确，示例：name@example.com', 'Not an email address, e.g. name@example.com') }]}>
            <Input prefix={<MailOutlined />} autoComplete="username" placeholder="name@example.com" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('密码', 'Password')} rules={[{ required: true, message: t('请输入密码', 'Enter your password') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={signIn.isPending}>{t('登录', 'Sign in')}</Button>
        </Form>
      </Card>
    </div>
  );
}
