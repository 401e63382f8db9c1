import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { PUBLIC_SCOPE, type ContentScope } from './content-scope.js';

/** 范围: 公共 or a skill group (技能组 · name). A leader's list has their own group only. */
export function ContentScopeSelect({
  scope,
  groups,
  allowPublic,
  onChange,
}: {
  scope: ContentScope | null;
  groups: readonly { id: string; name: string }[];
  allowPublic: boolean;
  onChange: (scope: ContentScope) => void;
}) {
  const { t } = useTranslation();
  const value = scope === null ? undefined : scope === PUBLIC_SCOPE ? PUBLIC_SCOPE : scope.groupId;
  return (
    <Select
      aria-label={t('content.scope.label')}
      placeholder={t('content.scope.label')}
      value={value}
      onChange={(picked: string) => onChange(picked === PUBLIC_SCOPE ? PUBLIC_SCOPE : { groupId: picked })}
      style={{ width: 200 }}
      options={[
        ...(allowPublic ? [{ value: PUBLIC_SCOPE, label: t('content.scope.public') }] : []),
        ...groups.map((g) => ({ value: g.id, label: t('content.scope.group', { name: g.name }) })),
      ]}
    />
  );
}
