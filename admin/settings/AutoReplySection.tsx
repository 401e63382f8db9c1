import { Form, Input, InputNumber, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PHRASE_LIMITS } from '../../shared/phrases.js';
import { notRespondingProblem } from './company-auto-reply.js';

/**
 * 自动应答 in 公司设置: the company's default greeting and busy reply (agents without their own get
 * these) and the not-responding rule. Held in the page's form under `autoReply`, saved through
 * setCompanyAutoReply; the server checks them again.
 */
export function AutoReplySection() {
  const { t } = useTranslation();
  const { notRespondingMin: min, notRespondingMax: max, autoReplyMax } = PHRASE_LIMITS;
  const tooLong = { max: autoReplyMax, message: t('settings2.textTooLong', { max: autoReplyMax }) };
  return (
    <section aria-labelledby="settings-auto-reply">
      <Typography.Title level={2} id="settings-auto-reply" className="admin-section-title">
        {t('settings2.sections.autoReply')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('settings2.help.greeting')}</Typography.Paragraph>
      <Form.Item name={['autoReply', 'greetingEnabled']} label={t('settings.fields.greetingEnabled')} valuePropName="checked">
        <Switch aria-label={t('settings.fields.greetingEnabled')} />
      </Form.Item>
      <Form.Item name={['autoReply', 'greeting']} label={t('settings.fields.greeting')} rules={[tooLong]}>
        <Input.TextArea rows={2} maxLength={autoReplyMax} showCount style={{ maxWidth: 560 }} aria-label={t('settings.fields.greeting')} />
      </Form.Item>
      <Form.Item name={['autoReply', 'busyEnabled']} label={t('settings.fields.busyEnabled')} valuePropName="checked">
        <Switch aria-label={t('settings.fields.busyEnabled')} />
      </Form.Item>
      <Form.Item name={['autoReply', 'busyReply']} label={t('settings.fields.busyReply')} rules={[tooLong]}>
        <Input.TextArea rows={2} maxLength={autoReplyMax} showCount style={{ maxWidth: 560 }} aria-label={t('settings.fields.busyReply')} />
      </Form.Item>
      <Form.Item
        name={['autoReply', 'notRespondingSeconds']}
        label={t('settings.fields.notRespondingSeconds')}
        extra={t('settings2.help.notRespondingSeconds', { min, max })}
        rules={[
          {
            validator: (_, value: number | null | undefined) => {
              const problem = notRespondingProblem(value);
              return problem ? Promise.reject(new Error(t('settings2.help.notRespondingSeconds', { min, max }))) : Promise.resolve();
            },
          },
        ]}
      >
        <InputNumber
          min={0}
          max={max}
          precision={0}
          suffix={t('settings2.seconds')}
          style={{ width: 200 }}
          aria-label={t('settings.fields.notRespondingSeconds')}
        />
      </Form.Item>
    </section>
  );
}
