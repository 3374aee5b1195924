import { Tooltip } from 'antd';
import { useI18n } from '../../../lib/i18n.tsx';
import type { MonthDay } from './sla-api.ts';

type Kind = MonthDay['kind'];
/** Colours and marks per kind of day: holidays red 休, 调休 make-up workdays blue 班, closures grey 停. */
const STYLE: Record<Kind, { bg: string; border: string; mark?: string; color: string }> = {
  workday: { bg: '#fff', border: '#e5e7eb', color: '#1f2937' },
  weekend: { bg: '#f5f6f8', border: '#e5e7eb', color: '#9ca3af' },
  holiday: { bg: '#fff1f0', border: '#ffa39e', mark: '休', color: '#cf1322' },
  makeup_workday: { bg: '#e6f0ff', border: '#7ea6f6', mark: '班', color: '#1456d9' },
  closure: { bg: '#f0f0f0', border: '#bfbfbf', mark: '停', color: '#595959' },
};

export function kindLabel(kind: Kind, t: (zh: string, en: string) => string): string {
  return { workday: t('工作日', 'Workday'), weekend: t('休息日', 'Weekend'), holiday: t('节假日', 'Holiday'), makeup_workday: t('调休上班', 'Make-up workday'), closure: t('停工', 'Closure') }[kind];
}

/** A month, Monday first; clicking a day edits its exception. */
export function MonthGrid({ days, onPick }: { days: MonthDay[]; onPick: (day: MonthDay) => void }) {
  const { t } = useI18n();
  const heads = t('一,二,三,四,五,六,日', 'Mon,Tue,Wed,Thu,Fri,Sat,Sun').split(',');
  const lead = days.length ? (days[0]!.weekday + 6) % 7 : 0;
  return (
    <div>
      <div role="grid" aria-label={t('月历', 'Month')} style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 6 }}>
        {heads.map((h) => <div key={h} role="columnheader" style={{ textAlign: 'center', color: '#6b7280', fontSize: 12 }}>{h}</div>)}
        {Array.from({ length: lead }, (_, i) => <div key={`pad-${i}`} />)}
        {days.map((d) => {
          const s = STYLE[d.kind];
          const hours = d.segments.map((x) => `${x.start}–${x.end}`).join(' ');
          return (
            <Tooltip key={d.date} title={`${d.date} · ${kindLabel(d.kind, t)}${d.name ? ` · ${d.name}` : ''}${hours ? ` · ${hours}` : ''}${d.uncovered ? t(' · 无官方数据', ' · no official data') : ''}`}>
              <button
                type="button" role="gridcell" data-testid={`day-${d.date}`} data-kind={d.kind} onClick={() => onPick(d)}
                aria-label={`${d.date} ${kindLabel(d.kind, t)}${d.name ? ` ${d.name}` : ''}`}
                style={{
                  position: 'relative', minHeight: 72, padding: '6px 8px', textAlign: 'left', cursor: 'pointer', borderRadius: 6,
                  background: s.bg, border: `1px ${d.uncovered ? 'dashed' : 'solid'} ${s.border}`, color: s.color, font: 'inherit',
                }}
              >
                <div style={{ fontWeight: 600 }}>{Number(d.date.slice(8))}</div>
                {s.mark && <span style={{ position: 'absolute', top: 4, right: 6, fontSize: 12, fontWeight: 700, color: '#fff', background: s.color, borderRadius: 4, padding: '0 4px' }}>{s.mark}</span>}
                <div style={{ fontSize: 12, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' }}>{d.name ?? ''}</div>
                <div style={{ fontSize: 11, color: '#6b7280' }}>{d.segments.length > 0 && d.kind !== 'workday' ? hours : d.segments.length > 1 ? `${d.segments.length} ${t('段', 'spans')}` : ''}</div>
              </button>
            </Tooltip>
          );
        })}
      </div>
      <div style={{ display: 'flex', gap: 16, marginTop: 10, fontSize: 12, color: '#4b5563', flexWrap: 'wrap' }}>
        {(['workday', 'weekend', 'holiday', 'makeup_workday', 'closure'] as const).map((k) => (
          <span key={k}><span style={{ display: 'inline-block', width: 12, height: 12, marginRight: 4, verticalAlign: -2, background: STYLE[k].bg, border: `1px solid ${STYLE[k].border}` }} />{kindLabel(k, t)}</span>
        ))}
        <span><span style={{ display: 'inline-block', width: 12, height: 12, marginRight: 4, verticalAlign: -2, border: '1px dashed #9ca3af' }} />{t('无官方节假日数据', 'No official holiday data')}</span>
      </div>
    </div>
  );
}
