/** Entry of the field app (/m). Loads nothing from the desk: no antd, no router, no query cache. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FieldApp } from './field-app.tsx';
import { deviceId } from './lib/device.ts';
import { I18nProvider } from './lib/i18n.tsx';
import { initField, setServiceWorkerState } from './lib/store.ts';
import './field.css';

deviceId(); // chosen at first start, before any request

async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) {
    setServiceWorkerState('unsupported');
    return;
  }
  try {
    const reg = await navigator.serviceWorker.register('/m/sw.js', { scope: '/m/' });
    setServiceWorkerState(reg.active ? 'active' : 'installing');
    navigator.serviceWorker.ready.then(() => setServiceWorkerState('active'), () => undefined);
  } catch {
    setServiceWorkerState('unsupported');
  }
}

const root = createRoot(document.getElementById('root') as HTMLElement);
root.render(<StrictMode><I18nProvider><FieldApp /></I18nProvider></StrictMode>);
void initField().then(() => (import.meta.env.PROD ? registerServiceWorker() : setServiceWorkerState('unsupported')));
