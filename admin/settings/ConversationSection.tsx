import { Form, Input, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EVALUATION_LABEL_MAX, EVALUATION_LEVELS } from '../../shared/company-rules.js';

/**
 * 小结与评价 in 公司设置: whether closing needs a topic, and what the visitor's rating offers — the
 * five levels' words (the level is stored, never the words), a comment or not, asked by itself at
 * the end or only when the agent pushes it. Fields of the page's one form; the server checks them again.
 */
export function ConversationSection() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="settings-conversation">
      <Typography.Title level={2} id="settings-conversation" className="admin-section-title">
        {t('settings2.sections.conversation')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('settings2.conversationIntro')}</Typography.Paragraph>
      <Form.Item name="summaryRequired" label={t('settings.fields.summaryRequired')} extra={t('settings2.help.summaryRequired')} valuePropName="checked">
        <Switch aria-label={t('settings.fields.summaryRequired')} />
      </Form.Item>
      <Form.Item label={t('settings.fields.evaluationLabels')} extra={t('settings2.help.evaluationLabels')} required={false}>
        <div className="admin-evaluation-labels">
          {EVALUATION_LEVELS.map((rating) => (
            <Form.Item
              key={rating}
              name={['evaluationLabels', rating - 1]}
              label={t('settings2.level', { rating })}
              rules={[{ max: EVALUATION_LABEL_MAX, message: t('settings2.labelTooLong', { max: EVALUATION_LABEL_MAX }) }]}
              style={{ marginBottom: 8 }}
            >
              <Input
                aria-label={t('settings2.levelAria', { rating })}
                placeholder={t(`settings2.levelDefaults.${rating}`)}
                maxLength={EVALUATION_LABEL_MAX}
                style={{ width: 240 }}
              />
            </Form.Item>
          ))}
        </div>
      </Form.Item>
      <Form.Item
        name="evaluationCommentEnabled"
        label={t('settings.fields.evaluationCommentEnabled')}
        extra={t('settings2.help.evaluationCommentEnabled')}
        valuePropName="checked"
      >
        <Switch aria-label={t('settings.fields.evaluationCommentEnabled')} />
      </Form.Item>
      <Form.Item name="evaluationAutoAsk" label={t('settings.fields.evaluationAutoAsk')} extra={t('settings2.help.evaluationAutoAsk')} valuePropName="checked">
        <Switch aria-label={t('settings.fields.evaluationAutoAsk')} />
      </Form.Item>
    </section>
  );
}
