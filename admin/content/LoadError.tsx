import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../shared/errors.js';

/** A tab's load failure with a retry, like PageFrame's for a whole page. */
export function LoadError({ error, onRetry }: { error: AppError | null; onRetry: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={t('app.loadFailed', { message: error.message })}
      action={<Button onClick={onRetry}>{t('app.retry')}</Button>}
    />
  );
}
