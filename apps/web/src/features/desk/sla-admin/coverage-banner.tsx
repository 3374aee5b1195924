import { Alert } from 'antd';
import { useI18n } from '../../../lib/i18n.tsx';
import { hasPermission, useSession } from '../../../lib/session.ts';
import { useCoverage } from './sla-api.ts';

/**
 * The loud warning for admins: some business calendar has no official holiday data for this
 * year or next, so deadlines there are computed as ordinary weeks. Text comes from the server.
 */
export function CoverageBanner({ onImport }: { onImport?: () => void }) {
  const { t } = useI18n();
  const session = useSession().data;
  const coverage = useCoverage();
  if (!hasPermission(session, 'config.manage') || !coverage.data || coverage.data.ok) return null;
  return (
    <Alert
      type="error" showIcon banner data-testid="coverage-banner" style={{ marginBottom: 12, fontSize: 14, fontWeight: 500 }}
      title={t('SLA 截止时间缺少官方节假日数据', 'SLA deadlines without official holiday data')}
      description={coverage.data.banner}
      action={onImport ? <a onClick={onImport}>{t('导入日期', 'Import dates')}</a> : undefined}
    />
  );
}
