import { Descriptions } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import type { Ticket } from '../../../lib/api-types.ts';
import { useI18n, useText } from '../../../lib/i18n.tsx';
import { keys } from '../../../lib/query-keys.ts';

/** The ticket's custom field values, named and formatted by its type's form definition. */
export function CustomFieldValues({ ticket }: { ticket: Ticket }) {
  const { t } = useI18n();
  const text = useText();
  const form = useQuery({ queryKey: keys.form(ticket.type), queryFn: () => api.forms.get(ticket.type) });
  const entries = Object.entries(ticket.customFields).filter(([, v]) => v !== null && v !== '' && !(Array.isArray(v) && v.length === 0));
  if (entries.length === 0) return null;
  const show = (key: string, v: unknown): string => {
    const def = form.data?.fields.find((f) => f.key === key);
    const option = (x: unknown) => text(def?.options?.find((o) => o.value === x)?.label, String(x));
    if (typeof v === 'boolean') return v ? t('是', 'Yes') : t('否', 'No');
    if (def?.type === 'photo' && Array.isArray(v)) return t(`${v.length} 张照片`, `${v.length} photo(s)`);
    if (Array.isArray(v)) return v.map(option).join('、');
    return def?.options ? option(v) : String(v);
  };
  return (
    <Descriptions size="small" column={2} style={{ marginTop: 12 }}
      items={entries.map(([k, v]) => ({ key: k, label: text(form.data?.fields.find((f) => f.key === k)?.label, k), children: show(k, v) }))} />
  );
}
