import { useState } from 'react';
import { App, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../shared/limits.js';
import { useCustomerStore } from './customerStore.js';

/** 名片分类: free tags; each change is saved at once. */
export function TagsEditor({ tags }: { tags: string[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useCustomerStore((s) => s.update);
  const [problem, setProblem] = useState<string | null>(null);

  const change = async (next: string[]) => {
    const cleaned = [...new Set(next.map((tag) => tag.trim()).filter(Boolean))];
    if (cleaned.some((tag) => tag.length > LIMITS.customerTagMax)) return setProblem(t('customer.tagTooLong', { max: LIMITS.customerTagMax }));
    if (cleaned.length > LIMITS.customerTagsMax) return setProblem(t('customer.tooManyTags', { max: LIMITS.customerTagsMax }));
    setProblem(null);
    const result = await update({ tags: cleaned });
    if (result.ok) void message.success(t('customer.tagsSaved'));
    else setProblem(result.error.message);
  };

  return (
    <div>
      <Select
        mode="tags"
        aria-label={t('customer.tags')}
        placeholder={t('customer.tagsPlaceholder')}
        value={tags}
        onChange={(next: string[]) => void change(next)}
        style={{ width: '100%' }}
        status={problem ? 'error' : undefined}
        tokenSeparators={[',', '，']}
      />
      {problem ? (
        <Typography.Text type="danger" role="alert" style={{ fontSize: 12 }}>
          {problem}
        </Typography.Text>
      ) : null}
    </div>
  );
}
