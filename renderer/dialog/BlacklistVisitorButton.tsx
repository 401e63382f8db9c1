import { useEffect, useState } from 'react';
import { App, Button, Form, Input, Modal } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { BLACKLIST_LIMITS } from '../../shared/protocol/rest-blacklist.js';
import { invoke } from '../app/kefu.js';

/**
 * 加入黑名单 in the dialog header: shown only when the company lets agents do it (admins always);
 * asks for a reason first. The server ends the visitor's chat and shows them a notice.
 */
export function BlacklistVisitorButton({ conversationId, visitorName }: { conversationId: string; visitorName: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [allowed, setAllowed] = useState(false);
  const [asking, setAsking] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();

  useEffect(() => {
    let current = true;
    // Asked per conversation shown: an admin may have changed the setting meanwhile.
    void invoke('blacklist:can-add', undefined).then((result) => current && setAllowed(result.ok && result.value));
    return () => {
      current = false;
    };
  }, [conversationId]);

  if (!allowed) return null;

  async function submit() {
    let reason: string;
    try {
      reason = (await form.validateFields()).reason.trim();
    } catch {
      return;
    }
    setSaving(true);
    const result = await invoke('blacklist:add-visitor', { conversationId, reason });
    setSaving(false);
    if (!result.ok) return void message.error(t('blacklist.failed', { message: result.error.message }));
    void message.success(t('blacklist.added', { name: visitorName }));
    setAsking(false);
  }

  return (
    <>
      <Button icon={<StopOutlined />} onClick={() => setAsking(true)}>
        {t('blacklist.add')}
      </Button>
      {asking && (
        <Modal
          open
          title={t('blacklist.title', { name: visitorName })}
          okText={t('blacklist.confirm')}
          okButtonProps={{ danger: true }}
          cancelText={t('blacklist.cancel')}
          confirmLoading={saving}
          onOk={() => void submit()}
          onCancel={() => setAsking(false)}
          destroyOnHidden
        >
          <p>{t('blacklist.explain')}</p>
          <Form form={form} layout="vertical" requiredMark={false} onFinish={() => void submit()}>
            <Form.Item name="reason" label={t('blacklist.reason')} rules={[{ required: true, whitespace: true, message: t('blacklist.reasonRequired') }]}>
              <Input.TextArea autoFocus maxLength={BLACKLIST_LIMITS.reasonMax} showCount autoSize={{ minRows: 2, maxRows: 4 }} />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}
