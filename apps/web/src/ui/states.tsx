import type { ReactNode } from 'react';
import { Alert, Button, Empty, Result, Skeleton, Spin } from 'antd';
import { useI18n } from '../lib/i18n.tsx';
import { isApiError } from '../lib/problem.ts';

/** A loading block the size of what is coming, never a blank screen. */
export function Loading({ rows = 4, inline = false }: { rows?: number; inline?: boolean }) {
  const { t } = useI18n();
  if (inline) return <Spin size="small" aria-label={t('加载中', 'Loading')} />;
  return <div role="status" aria-label={t('加载中', 'Loading')}><Skeleton active paragraph={{ rows }} /></div>;
}

/** What went wrong, in the server's words when it said something, with a retry. */
export function ErrorState({ error, onRetry, compact = false }: { error: unknown; onRetry?: () => void; compact?: boolean }) {
  const { t } = useI18n();
  const title = isApiError(error) ? error.problem.title : t('加载失败', 'Failed to load');
  const detail = isApiError(error) ? (error.status === 404 ? t('它可能已被删除，或您没有查看权限。', 'It may have been removed, or you may not have access.') : error.problem.detail) : String(error);
  const status = isApiError(error) && error.status === 404 ? '404' : isApiError(error) && error.status === 403 ? '403' : 'error';
  if (compact) {
    return (
      <Alert type="warning" showIcon title={title} description={detail}
        action={onRetry ? <Button size="small" onClick={onRetry}>{t('重试', 'Retry')}</Button> : undefined} />
    );
  }
  return (
    <Result
      status={status}
      title={title}
      subTitle={detail}
      extra={onRetry ? <Button onClick={onRetry}>{t('重试', 'Retry')}</Button> : undefined}
    />
  );
}

export function EmptyState({ description, action }: { description: ReactNode; action?: ReactNode }) {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description}>{action}</Empty>;
}

/** Renders the three states of a query in one line: loading, error, or the content. */
export function QueryState<T>({ query, children, rows }: {
  query: { isPending: boolean; isError: boolean; error: unknown; data: T | undefined; refetch: () => unknown };
  children: (data: T) => ReactNode;
  rows?: number;
}) {
  if (query.isPending) return <Loading {...(rows === undefined ? {} : { rows })} />;
  if (query.isError || query.data === undefined) return <ErrorState error={query.error} onRetry={() => void query.refetch()} compact />;
  return <>{children(query.data)}</>;
}
