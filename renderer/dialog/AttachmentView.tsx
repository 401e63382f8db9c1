import { useEffect, useState } from 'react';
import { Button, Image, Spin } from 'antd';
import { DownloadOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../shared/domain.js';
import { attachmentDataUrl } from './attachmentCache.js';
import { formatBytes } from './messageLogic.js';

export function AttachmentImage({ attachment }: { attachment: Attachment }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void attachmentDataUrl(attachment.id).then((u) => live && setUrl(u));
    return () => {
      live = false;
    };
  }, [attachment.id]);
  if (url === undefined) return <Spin size="small" aria-label={t('dialog.imageLoading')} />;
  if (url === null) return <span>{t('dialog.imageFailed')}</span>;
  return <Image src={url} alt={t('dialog.imageAlt', { name: attachment.name })} style={{ maxWidth: 260, maxHeight: 200 }} />;
}

/** Files are offered as downloads, never opened inline (the server sends them as attachments too). */
export function AttachmentFile({ attachment }: { attachment: Attachment }) {
  const { t } = useTranslation();
  const download = async () => {
    const url = await attachmentDataUrl(attachment.id);
    if (!url) return;
    const link = document.createElement('a');
    link.href = url;
    link.download = attachment.name;
    link.rel = 'noopener noreferrer';
    link.click();
  };
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <PaperClipOutlined />
      <span>
        {attachment.name} <small style={{ color: 'var(--kefu-text-muted)' }}>({formatBytes(attachment.size)})</small>
      </span>
      <Button size="small" icon={<DownloadOutlined />} aria-label={t('dialog.download', { name: attachment.name })} onClick={() => void download()} />
    </span>
  );
}
