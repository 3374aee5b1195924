import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t('页面不存在', 'Page not found')}
      subTitle={t('您访问的地址不存在或已被移动。', 'The address you opened does not exist or has moved.')}
      extra={<Link to="/tickets"><Button type="primary">{t('返回工单列表', 'Back to tickets')}</Button></Link>}
    />
  );
}
