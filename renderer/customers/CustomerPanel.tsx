import { useEffect } from 'react';
import { Alert, Button, Divider, Empty, Spin } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { kefu } from '../app/kefu.js';
import { useConversationsStore } from '../visitors/conversationsStore.js';
import { ContactForm } from './ContactForm.js';
import { ProfileFacts } from './ProfileFacts.js';
import { TagsEditor } from './TagsEditor.js';
import { TrailList } from './TrailList.js';
import { useCustomerStore } from './customerStore.js';

/** 顾客信息: who the visitor of the selected conversation is, where they came from, where they went. */
export function CustomerPanel() {
  const { t } = useTranslation();
  const visitorId = useConversationsStore((s) => s.conversations.find((c) => c.id === s.selectedId)?.visitorId ?? null);
  const { profile, loading, error, show, changed } = useCustomerStore();

  useEffect(() => {
    void show(visitorId);
  }, [visitorId, show]);

  // The server says a page view arrived or another agent edited: the trail is live.
  useEffect(() => kefu().on('customers:profile-changed', ({ visitorId: changedId }) => void changed(changedId)), [changed]);

  if (!visitorId) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customer.noVisitor')} />;
  return (
    <section aria-label={t('customer.title')} style={{ padding: 8 }}>
      <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <Button size="small" type="text" icon={<ReloadOutlined />} aria-label={t('customer.refresh')} onClick={() => void changed(visitorId)} />
      </div>
      {error ? <Alert type="error" showIcon message={t('customer.loadFailed', { message: error.message })} /> : null}
      {loading && !profile ? <Spin size="small" /> : null}
      {profile ? (
        <>
          <ProfileFacts profile={profile} />
          <Divider plain titlePlacement="start" style={{ margin: '8px 0' }}>
            {t('customer.tags')}
          </Divider>
          <TagsEditor tags={profile.tags} />
          <Divider plain titlePlacement="start" style={{ margin: '8px 0' }}>
            {t('customer.contact')}
          </Divider>
          <ContactForm profile={profile} />
          <Divider plain titlePlacement="start" style={{ margin: '8px 0' }}>
            {t('customer.trail')}
          </Divider>
          <TrailList trail={profile.trail} />
        </>
      ) : null}
    </section>
  );
}
