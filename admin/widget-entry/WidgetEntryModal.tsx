import { Button, Input, Modal, Space, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { widgetEntry, type WidgetTarget } from './widget-entry.js';

/** 接入代码: the link and the embed tag that send visitors to this group (or agent), each with 复制. */
export function WidgetEntryModal({ target, name, onClose }: { target: WidgetTarget; name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const entry = widgetEntry(location.origin, target);

  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      void message.success(t('widgetEntry.copied'));
    } catch {
      // No clipboard (an insecure origin, a denied permission): the text is selectable anyway.
      void message.warning(t('widgetEntry.copyFailed'));
    }
  }

  const field = (id: string, label: string, help: string, value: string, rows: number) => (
    <div style={{ marginBottom: 16 }}>
      <Typography.Text strong>
        <label htmlFor={id}>{label}</label>
      </Typography.Text>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>
        {help}
      </Typography.Paragraph>
      <Space.Compact style={{ width: '100%' }}>
        <Input.TextArea id={id} readOnly value={value} autoSize={{ minRows: rows }} onFocus={(event) => event.target.select()} />
        <Button icon={<CopyOutlined />} aria-label={t('widgetEntry.copyAria', { what: label })} onClick={() => void copy(value)} />
      </Space.Compact>
    </div>
  );

  return (
    <Modal open title={t('widgetEntry.title', { name })} footer={<Button onClick={onClose}>{t('widgetEntry.close')}</Button>} onCancel={onClose} width={640}>
      {field('widget-entry-link', t('widgetEntry.link'), t(target.kind === 'agent' ? 'accounts.entry.linkHelp' : 'widgetEntry.linkHelp'), entry.link, 1)}
      {field('widget-entry-embed', t('widgetEntry.embed'), t(target.kind === 'agent' ? 'accounts.entry.embedHelp' : 'widgetEntry.embedHelp'), entry.embed, 2)}
    </Modal>
  );
}
