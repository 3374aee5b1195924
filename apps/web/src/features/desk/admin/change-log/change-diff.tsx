import { Tag, Typography } from 'antd';
import { useI18n } from '../../../../lib/i18n.tsx';

const show = (v: unknown): string => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/** The keys whose value differs between two snapshots (a create or delete shows every key). */
export function changedKeys(before: unknown, after: unknown): string[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
}

/** Before → after of one change, one line per changed field; long values are clipped with a tooltip. */
export function ChangeDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useI18n();
  const keys = changedKeys(before, after);
  if (keys.length === 0) return <Typography.Text type="secondary">{t('无字段变化', 'No field changed')}</Typography.Text>;
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  return (
    <div data-testid="change-diff">
      {keys.map((k) => (
        <div key={k} style={{ lineHeight: 1.8 }}>
          <Tag>{k}</Tag>
          {before !== null && <Typography.Text delete type="danger" ellipsis={{ tooltip: show(b[k]) }} style={{ maxWidth: 260 }}>{show(b[k])}</Typography.Text>}
          {before !== null && after !== null && <span> → </span>}
          {after !== null && <Typography.Text type="success" ellipsis={{ tooltip: show(a[k]) }} style={{ maxWidth: 260 }}>{show(a[k])}</Typography.Text>}
        </div>
      ))}
    </div>
  );
}
