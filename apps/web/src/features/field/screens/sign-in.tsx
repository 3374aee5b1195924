import { useState, type FormEvent } from 'react';
import { HttpError } from '../lib/http.ts';
import { useI18n } from '../lib/i18n.tsx';
import { signIn } from '../lib/store.ts';
import { useField } from '../lib/use-field.ts';

export function SignInScreen() {
  const { t } = useI18n();
  const { online } = useField();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email, password);
    } catch (err) {
      if (err instanceof HttpError && err.offline) setError(t('没有网络，登录需要联网', 'No network: signing in needs a connection'));
      else if (err instanceof HttpError && err.status === 401) setError(t('邮箱或密码不正确', 'Wrong e-mail or password'));
      else if (err instanceof HttpError) setError(err.problem.detail ?? err.problem.title);
      else setError(String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="f-card" onSubmit={(e) => void submit(e)} noValidate style={{ marginTop: 24 }}>
      <h2>{t('工程师登录', 'Engineer sign-in')}</h2>
      {!online && <div className="f-banner warn">{t('当前离线：登录需要网络', 'Offline: signing in needs a network')}</div>}
      <div className="f-field">
        <label htmlFor="f-email">{t('邮箱', 'E-mail')}</label>
        <input id="f-email" className="f-input" type="email" inputMode="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />
      </div>
      <div className="f-field">
        <label htmlFor="f-password">{t('密码', 'Password')}</label>
        <input id="f-password" className="f-input" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </div>
      {error && <div className="f-banner bad" role="alert" data-testid="sign-in-error">{error}</div>}
      <button className="f-btn primary block big" type="submit" disabled={busy || !email || !password}>{busy ? t('登录中…', 'Signing in…') : t('登录', 'Sign in')}</button>
    </form>
  );
}
