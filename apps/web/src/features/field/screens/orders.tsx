import { useMemo, useState } from 'react';
import { currentPosition, distanceM, type Point } from '../lib/geo.ts';
import { useI18n } from '../lib/i18n.tsx';
import { navigate } from '../lib/route.ts';
import { viewOrders } from '../lib/store.ts';
import type { FieldOrder } from '../lib/types.ts';
import { useField } from '../lib/use-field.ts';
import { StatusTag, timeRange } from './bits.tsx';

type Tab = 'today' | 'upcoming' | 'distance';
const FINISHED = new Set(['done', 'confirming', 'closed', 'cancelled']);

export function OrdersScreen() {
  const { t } = useI18n();
  const { pkg, ops, packageError, online, confirmOffers } = useField();
  const [tab, setTab] = useState<Tab>('today');
  const [here, setHere] = useState<Point | null>(null);
  const [locating, setLocating] = useState(false);
  const [gpsError, setGpsError] = useState(false);
  const orders = useMemo(() => viewOrders(), [pkg, ops]);

  const list = useMemo(() => {
    const open = orders.filter((o) => !FINISHED.has(o.statusCategory));
    const at = (o: FieldOrder) => (o.appointment ? Date.parse(o.appointment.start) : Number.POSITIVE_INFINITY);
    if (tab === 'today') return open.filter((o) => !o.appointment || Date.parse(o.appointment.start) < endOfToday()).sort((a, b) => at(a) - at(b));
    if (tab === 'upcoming') return open.filter((o) => o.appointment && Date.parse(o.appointment.start) >= endOfToday()).sort((a, b) => at(a) - at(b));
    const d = (o: FieldOrder) => (here && o.location?.wgs84 ? distanceM(here, o.location.wgs84) : Number.POSITIVE_INFINITY);
    return [...open].sort((a, b) => d(a) - d(b));
  }, [orders, tab, here]);

  const byDistance = async () => {
    setTab('distance');
    setLocating(true);
    const p = await currentPosition();
    setLocating(false);
    setGpsError(!p);
    if (p) setHere({ lat: p.lat, lng: p.lng });
  };

  if (!pkg) {
    return <div className="f-center">{packageError ? t(`加载失败：${packageError}`, `Loading failed: ${packageError}`) : online ? t('正在下载工单包…', 'Downloading your orders…') : t('离线且尚无缓存的工单，请联网后打开', 'Offline and nothing cached yet: open once with a network')}</div>;
  }
  const tabs: [Tab, string][] = [['today', t('今天', 'Today')], ['upcoming', t('即将', 'Upcoming')], ['distance', t('按距离', 'Nearest')]];
  // Resolves that reached the server while the engineer was elsewhere: the customer can confirm now.
  const toConfirm = orders.filter((o) => confirmOffers.includes(o.id) && !ops.some((op) => op.ticketId === o.id));
  return (
    <>
      {toConfirm.map((o) => (
        <button key={o.id} type="button" className="f-banner info block" style={{ width: '100%', textAlign: 'left', minHeight: 48 }} data-testid="confirm-offer-banner"
          onClick={() => navigate(`/m/o/${encodeURIComponent(o.id)}`)}>
          {t(`「${o.title}」完工已同步，点此出示客户确认二维码`, `“${o.title}” has synced: tap to show the customer’s confirmation QR`)}
        </button>
      ))}
      <div className="f-tabs" role="group" aria-label={t('工单范围', 'Which orders')}>
        {tabs.map(([id, label]) => (
          <button key={id} type="button" aria-pressed={tab === id} onClick={() => (id === 'distance' ? void byDistance() : setTab(id))}>{label}</button>
        ))}
      </div>
      {tab === 'distance' && locating && <div className="f-banner info">{t('正在定位…', 'Locating…')}</div>}
      {tab === 'distance' && gpsError && <div className="f-banner warn">{t('无法获取位置（请允许定位），按原顺序显示', 'No location (allow GPS); shown in the usual order')}</div>}
      {list.length === 0 && <div className="f-center">{tab === 'upcoming' ? t('没有即将到来的预约', 'No upcoming visits') : t('今天没有待办工单', 'Nothing to do today')}</div>}
      {list.map((o) => {
        const blocked = ops.some((op) => op.ticketId === o.id && op.state === 'blocked');
        const pending = ops.filter((op) => op.ticketId === o.id).length;
        const dist = here && o.location?.wgs84 ? distanceM(here, o.location.wgs84) : null;
        return (
          <button key={o.id} type="button" className="f-order" data-testid="order-card" onClick={() => navigate(`/m/o/${encodeURIComponent(o.id)}`)}>
            <div className="f-row">
              <StatusTag order={o} />
              {o.priority === 'urgent' || o.priority === 'high' ? <span className="f-tag bad">{o.priority === 'urgent' ? t('紧急', 'Urgent') : t('高', 'High')}</span> : null}
              {blocked && <span className="f-tag bad">{t('需处理冲突', 'Conflict')}</span>}
              {!blocked && pending > 0 && <span className="f-tag warn">{t(`${pending} 项待同步`, `${pending} unsent`)}</span>}
              <span className="f-grow" />
              {dist !== null && <span className="f-muted">{dist < 1000 ? `${Math.round(dist)} m` : `${(dist / 1000).toFixed(1)} km`}</span>}
            </div>
            <div className="f-title">{o.title}</div>
            <div className="f-muted">{o.customer.name}{o.address ? ` · ${o.address}` : ''}</div>
            <div className="f-muted">{o.number}{o.appointment ? ` · ${t('预约', 'Visit')} ${timeRange(o.appointment)}` : ''}</div>
          </button>
        );
      })}
    </>
  );
}

function endOfToday(): number {
  const d = new Date();
  d.setHours(23, 59, 59, 999);
  return d.getTime();
}
