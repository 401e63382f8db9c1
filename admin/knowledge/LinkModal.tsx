import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { SafeHrefSchema } from '../../shared/knowledge.js';

/** Asks for a link's address; only what the answer format keeps (http and https) is accepted. */
export function LinkModal({ onLink, onClose }: { onLink: (href: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ href: string }>();

  async function submit() {
    try {
      onLink((await form.validateFields()).href.trim());
    } catch {
      return;
    }
  }

  return (
    <Modal
      open
      title={t('knowledge.editor.linkTitle')}
      okText={t('app.ok')}
      cancelText={t('app.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ href: 'https://' }} onFinish={() => void submit()}>
        <Form.Item
          name="href"
          label={t('knowledge.editor.linkUrl')}
          rules={[
            {
              validator: (_, value: string) =>
                SafeHrefSchema.safeParse((value ?? '').trim()).success ? Promise.resolve() : Promise.reject(new Error(t('knowledge.editor.linkInvalid'))),
            },
          ]}
        >
          <Input type="url" autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
