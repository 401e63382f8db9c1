import { Button, Form, Input, Select, Space, Switch, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { WIDGET_LIMITS } from '../../shared/widget-settings.js';
import type { Group } from '../../shared/domain.js';

/** 技能组菜单: on/off, and which groups visitors choose from, in which order, under which names. */
export function GroupMenuEditor({ groups }: { groups: Group[] }) {
  const { t } = useTranslation();
  const options = groups.map((group) => ({ value: group.id, label: group.name }));
  return (
    <section aria-labelledby="widget-menu">
      <Typography.Title level={2} id="widget-menu" className="admin-section-title">
        {t('widget.sections.menu')}
      </Typography.Title>
      <Form.Item name={['groupMenu', 'enabled']} label={t('widget.fields.groupMenuEnabled')} extra={t('widget.help.groupMenu')} valuePropName="checked">
        <Switch aria-label={t('widget.fields.groupMenuEnabled')} />
      </Form.Item>
      <Form.List name={['groupMenu', 'items']}>
        {(items, { add, remove, move }) => (
          <>
            {items.map((item, index) => {
              const n = index + 1;
              return (
                <Space key={item.key} align="baseline" wrap className="admin-menu-item">
                  <Form.Item name={[item.name, 'groupId']} rules={[{ required: true, message: t('widget.groupRequired') }]}>
                    <Select style={{ width: 180 }} options={options} aria-label={t('widget.menuItemGroup', { n })} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'label']}>
                    <Input
                      maxLength={WIDGET_LIMITS.groupLabelMax}
                      placeholder={t('widget.menuItemLabelPlaceholder')}
                      aria-label={t('widget.menuItemLabel', { n })}
                    />
                  </Form.Item>
                  <Button icon={<ArrowUpOutlined />} disabled={index === 0} aria-label={t('widget.menuItemUp', { n })} onClick={() => move(index, index - 1)} />
                  <Button
                    icon={<ArrowDownOutlined />}
                    disabled={index === items.length - 1}
                    aria-label={t('widget.menuItemDown', { n })}
                    onClick={() => move(index, index + 1)}
                  />
                  <Button icon={<DeleteOutlined />} aria-label={t('widget.menuItemRemove', { n })} onClick={() => remove(item.name)} />
                </Space>
              );
            })}
            <Form.Item>
              <Button icon={<PlusOutlined />} disabled={items.length >= WIDGET_LIMITS.groupMenuMax} onClick={() => add({ groupId: undefined, label: '' })}>
                {t('widget.menuAdd')}
              </Button>
            </Form.Item>
          </>
        )}
      </Form.List>
    </section>
  );
}
