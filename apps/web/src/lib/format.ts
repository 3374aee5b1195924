import dayjs from 'dayjs';

/** "2026-11-25 09:30" in the browser's time zone; empty for null. */
export const fmtTime = (iso: string | null | undefined): string => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '');
export const fmtDate = (iso: string | null | undefined): string => (iso ? dayjs(iso).format('YYYY-MM-DD') : '');

/** Rough "3 小时前" without the relativeTime plugin: minutes, hours, days. */
export function fmtAgo(iso: string, en: boolean, now = Date.now()): string {
  const mins = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));
  if (mins < 1) return en ? 'just now' : '刚刚';
  if (mins < 60) return en ? `${mins} min ago` : `${mins} 分钟前`;
  const hours = Math.round(mins / 60);
  if (hours < 24) return en ? `${hours} h ago` : `${hours} 小时前`;
  const days = Math.round(hours / 24);
  return en ? `${days} d ago` : `${days} 天前`;
}

export function fmtBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Short, human description of a user agent for the timeline's "from where". */
export function deviceOf(ua: string | null): string {
  if (!ua) return '';
  if (/gongdan-demo-seed/.test(ua)) return 'demo';
  const os = /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Windows/.test(ua) ? 'Windows' : /Mac OS/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : '';
  const browser = /Edg\//.test(ua) ? 'Edge' : /MicroMessenger/.test(ua) ? '微信' : /Chrome\//.test(ua) ? 'Chrome' : /Firefox\//.test(ua) ? 'Firefox' : /Safari\//.test(ua) ? 'Safari' : ua.split(/[\s/]/)[0] ?? '';
  return [browser, os].filter(Boolean).join(' · ');
}
