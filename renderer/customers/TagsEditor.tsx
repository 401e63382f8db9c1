import { useEffect, useState } from 'react';
import { App, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../shared/limits.js';
import { groupTags, type TagCategory } from '../../shared/tag-categories.js';
import { invoke, kefu } from '../app/kefu.js';
import { useCustomerStore } from './customerStore.js';

/**
 * 名片分类: the tags an admin manages, offered grouped by their category, and free tags typed in;
 * each change is saved at once. An admin's change to the categories shows while the editor is open
 * (customers:tag-categories-changed). Without the managed list (offline) free tags still work.
 */
export function TagsEditor({ tags }: { tags: string[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useCustomerStore((s) => s.update);
  const [problem, setProblem] = useState<string | null>(null);
  const [categories, setCategories] = useState<TagCategory[]>([]);

  // What the services hold now, then every change an admin makes while the editor is open.
  useEffect(() => {
    let live = true;
    let pushed = false;
    const off = kefu().on('customers:tag-categories-changed', (next) => {
      pushed = true;
      setCategories(next);
    });
    void invoke('customers:tag-categories', undefined).then((result) => {
      // A change pushed while the read was out is newer than its answer.
      if (live && !pushed && result.ok) setCategories(result.value);
    });
    return () => {
      live = false;
      off();
    };
  }, []);

  const change = async (next: string[]) => {
    const cleaned = [...new Set(next.map((tag) => tag.trim()).filter(Boolean))];
    if (cleaned.some((tag) => tag.length > LIMITS.customerTagMax)) return setProblem(t('customer.tagTooLong', { max: LIMITS.customerTagMax }));
    if (cleaned.length > LIMITS.customerTagsMax) return setProblem(t('customer.tooManyTags', { max: LIMITS.customerTagsMax }));
    setProblem(null);
    const result = await update({ tags: cleaned });
    if (result.ok) void message.success(t('customer.tagsSaved'));
    else setProblem(result.error.message);
  };

  // Each category a group of its tags, in the admin's order; the free tags the profile has stay choosable.
  const { groups, free } = groupTags(tags, categories);
  const options = [
    ...groups
      .filter(({ category }) => category.tags.length > 0)
      .map(({ category }) => ({ label: category.name, title: category.name, options: category.tags.map((tag) => ({ value: tag, label: tag })) })),
    ...free.map((tag) => ({ value: tag, label: tag })),
  ];

  return (
    <div>
      <Select
        mode="tags"
        aria-label={t('customer.tags')}
        placeholder={t('customer.tagsPlaceholder')}
        value={tags}
        options={options}
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
