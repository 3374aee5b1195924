/**
 * The field app shell: top bar with the connection / unsent-changes indicator and the language
 * switch, notices for browsers without offline support, and the two screens.
 */
import { useI18n } from './lib/i18n.tsx';
import { navigate, useRoute } from './lib/route.ts';
import { signOut, syncNow } from './lib/store.ts';
import { useField } from './lib/use-field.ts';
import { OrderScreen } from './screens/order.tsx';
import { OrdersScreen } from './screens/orders.tsx';
import { SignInScreen } from './screens/sign-in.tsx';

function SyncIndicator() {
  const { t } = useI18n();
  const { online, ops, storing, syncing } = useField();
  const pending = ops.length + storing;
  const blocked = ops.filter((o) => o.state === 'blocked').length;
  const text = online ? t('在线', 'Online') : t('离线', 'Offline');
  return (
    <button type="button" className={`f-status ${online ? 'online' : 'offline'}`} data-testid="sync-status" data-pending={pending} data-online={online}
      aria-label={t(`${text}，${pending} 项未同步`, `${text}, ${pending} unsent`)} onClick={() => void syncNow()}>
      <span className="dot" aria-hidden="true" />
      {text}
      {pending > 0 && <span data-testid="pending-count">· {syncing ? t('同步中', 'syncing') : t('待同步', 'unsent')} {pending}</span>}
      {blocked > 0 && <span>⚠</span>}
    </button>
  );
}

export function FieldApp() {
  const { t, locale, setLocale } = useI18n();
  const s = useField();
  const route = useRoute();
  if (!s.ready) return <div className="f-center">{t('正在打开…', 'Opening…')}</div>;
  const title = route.name === 'order' ? t('工单详情', 'Order') : t('我的工单', 'My orders');
  return (
    <div className="f-app">
      <header className="f-top">
        {route.name === 'order' && <button type="button" className="f-icon-btn" aria-label={t('返回', 'Back')} onClick={() => navigate('/m/')}>‹ {t('返回', 'Back')}</button>}
        <h1>{s.session ? title : t('工单 · 外勤', 'Gongdan field')}</h1>
        <SyncIndicator />
        {route.name !== 'order' && <button type="button" className="f-icon-btn f-lang" onClick={() => setLocale(locale === 'zh-CN' ? 'en-US' : 'zh-CN')} aria-label={t('切换到英文', 'Switch to Chinese')}>{locale === 'zh-CN' ? 'EN' : '中'}</button>}
      </header>
      <main className="f-main">
        {(!s.persistent || s.serviceWorker === 'unsupported') && (
          <div className="f-banner warn" data-testid="no-offline">
            {t('此浏览器不支持离线使用（如企业微信、钉钉内置浏览器），请保持联网；用系统浏览器打开可离线工作。',
              'This browser cannot work offline (e.g. WeCom / DingTalk built-in browsers): stay online, or open in the system browser to work offline.')}
          </div>
        )}
        {!s.session ? <SignInScreen /> : route.name === 'order' ? <OrderScreen id={route.id} /> : (
          <>
            <OrdersScreen />
            <div className="f-row" style={{ justifyContent: 'space-between', marginTop: 16 }}>
              <span className="f-muted">{s.session.user.name}{s.packageAt ? ` · ${t('工单包更新于', 'package from')} ${new Date(s.packageAt).toLocaleTimeString()}` : ''}</span>
              <button type="button" className="f-btn" onClick={() => void signOut()}>{t('退出', 'Sign out')}</button>
            </div>
          </>
        )}
      </main>
    </div>
  );
}
