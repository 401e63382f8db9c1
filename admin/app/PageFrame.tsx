import type { ReactNode } from 'react';
import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../shared/errors.js';

/** A page's heading and body, with the load failure (and a retry) above the body when there is one. */
export function PageFrame({ title, error, onRetry, children }: { title: string; error?: AppError | null; onRetry?: () => void; children: ReactNode }) {
  return (
    <section aria-labelledby="admin-page-title">
      <Typography.Title level={1} id="admin-page-title" className="admin-page-title">
        {title}
      </Typography.Title>
      <LoadError error={error ?? null} onRetry={onRetry} />
      <div className="admin-panel">{children}</div>
    </section>
  );
}

/** A load failure, with 重试 when the screen can load again; nothing when there is none. */
export function LoadError({ error, onRetry }: { error: AppError | null; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={t('app.loadFailed', { message: error.message })}
      action={onRetry ? <Button onClick={onRetry}>{t('app.retry')}</Button> : undefined}
    />
  );
}

/** A table caption for screen readers: the name axe and assistive technology read for the table. */
export function HiddenCaption({ text }: { text: string }) {
  return <span className="admin-visually-hidden">{text}</span>;
}
