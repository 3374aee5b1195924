/** The nameplate's reading on an order, and the offer to link or register that device. */
import { useState } from 'react';
import { useI18n } from '../lib/i18n.tsx';
import type { FieldOrder, FieldPackage } from '../lib/types.ts';
import type { FieldNameplateResult } from './nameplate-sheet.tsx';

const norm = (v: string | null | undefined) => (v ?? '').toUpperCase().replace(/[^0-9A-Z]/g, '');

/**
 * What the plate says, next to what the order says about the device, and the offer to put the
 * plate's device on the order: the customer's device with that serial (from the package, so it
 * works offline) or a new one registered for the customer. The server re-matches on sync.
 */
export function NameplateReadout({ plate, pkg, order, busy, onLink }: {
  plate: FieldNameplateResult; pkg: FieldPackage; order: FieldOrder; busy: boolean;
  onLink: (body: Record<string, unknown>, label: string) => void;
}) {
  const { t } = useI18n();
  const [model, setModel] = useState(plate.model ?? '');
  const [serial, setSerial] = useState(plate.serialNumber ?? '');
  const device = order.device;
  const same = !!device && norm(model) === norm(device.model) && norm(serial) === norm(device.serialNumber);
  const known = pkg.devices.find((d) => d.customerId === order.customer.id && norm(d.serialNumber) === norm(serial) && serial.trim() !== '');
  const alreadyOn = !!device && !!known && known.id === device.id;
  const ready = model.trim() !== '' && serial.trim() !== '';
  return (
    <div data-testid="nameplate-result" style={{ marginTop: 8 }}>
      <div className="f-field"><label className="f-label" htmlFor="np-model">{t('铭牌型号', 'Plate model')}</label>
        <input id="np-model" className="f-input" value={model} onChange={(e) => setModel(e.target.value)} data-testid="nameplate-model" /></div>
      <div className="f-field"><label className="f-label" htmlFor="np-serial">{t('铭牌序列号', 'Plate serial')}</label>
        <input id="np-serial" className="f-input" value={serial} onChange={(e) => setSerial(e.target.value)} data-testid="nameplate-serial" /></div>
      {device && (
        <div className={`f-banner ${same ? 'info' : 'warn'}`} data-testid="nameplate-match">
          {same ? t('与工单设备一致', 'Matches the order’s device') : t('与工单设备不一致', 'Differs from the order’s device')}
        </div>
      )}
      {!same && !alreadyOn && (
        <button type="button" className="f-btn primary block" style={{ marginTop: 8 }} disabled={busy || !ready} data-testid="nameplate-link"
          onClick={() => onLink(
            { model: model.trim(), serialNumber: serial.trim(), name: plate.matchedModel?.name ?? null, ...(known ? { deviceId: known.id } : {}) },
            known ? t('关联铭牌设备', 'Link the plate’s device') : t('登记铭牌设备', 'Register the plate’s device'),
          )}>
          {known
            ? t(`关联客户设备 ${known.serialNumber} 到工单`, `Link the customer’s device ${known.serialNumber} to the order`)
            : t(`为${order.customer.name}登记此设备并关联`, `Register this device for ${order.customer.name} and link it`)}
        </button>
      )}
    </div>
  );
}
