/**
 * 悄悄话 in the dialog panel: what a supervisor wrote to the agent about this conversation, and the
 * agent's answers — staff only, styled apart from the transcript so it is never mistaken for what
 * the visitor reads. Shown once a conversation has a whisper; read from the server when the
 * conversation opens, then kept current by `whisper:received`.
 */
import { memo, useEffect, useState } from 'react';
import { Button, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Whisper } from '../../shared/protocol/rest-supervision.js';
import { invoke, kefu } from '../app/kefu.js';

/** Dashed amber: plainly not part of the transcript the visitor sees. */
const PANEL_STYLE = {
  border: '1px dashed #d48806',
  background: '#fffbe6',
  borderRadius: 6,
  margin: '4px 12px',
  padding: '6px 10px',
  maxHeight: 200,
  overflow: 'auto',
} as const;

export const WhisperPanel = memo(function WhisperPanel({ conversationId, canAnswer }: { conversationId: string; canAnswer: boolean }) {
  const { t } = useTranslation();
  const [whispers, setWhispers] = useState<Whisper[]>([]);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    let live = true;
    setWhispers([]);
    const add = (whisper: Whisper) =>
      setWhispers((list) => (whisper.conversationId !== conversationId || list.some((w) => w.id === whisper.id) ? list : [...list, whisper]));
    const off = kefu().on('whisper:received', add);
    void invoke('whispers:list', { conversationId }).then((result) => {
      // Whatever arrived live meanwhile stays; the server's list adds what came before.
      if (live && result.ok) setWhispers((list) => [...result.value, ...list.filter((w) => !result.value.some((r) => r.id === w.id))]);
    });
    return () => {
      live = false;
      off();
    };
  }, [conversationId]);

  if (whispers.length === 0) return null;

  const answer = async () => {
    const text = draft.trim();
    if (!text) return;
    setSending(true);
    const result = await invoke('whispers:answer', { conversationId, text });
    setSending(false);
    if (!result.ok) return setError(t('whispers.failed', { message: result.error.message }));
    setError(null);
    setDraft('');
    setWhispers((list) => (list.some((w) => w.id === result.value.id) ? list : [...list, result.value]));
  };

  return (
    <aside className="kefu-whispers" aria-label={t('whispers.label')} style={PANEL_STYLE}>
      <div className="kefu-whispers-title">
        <strong>{t('whispers.label')}</strong>{' '}
        <span className="kefu-whispers-hint" style={{ color: 'var(--kefu-text-muted)' }}>
          {t('whispers.hint')}
        </span>
      </div>
      <ul role="log" aria-label={t('whispers.label')} className="kefu-whispers-list" style={{ listStyle: 'none', margin: '4px 0', padding: 0 }}>
        {whispers.map((w) => (
          <li key={w.id} className={`kefu-whisper kefu-whisper-${w.from}`} aria-label={`${t('whispers.label')} ${w.authorName}`}>
            <span className="kefu-whisper-author" style={{ color: '#ad6800', marginRight: 8 }}>
              {t(w.from === 'supervisor' ? 'whispers.fromSupervisor' : 'whispers.fromAgent', { name: w.authorName })}
            </span>
            <span className="kefu-whisper-text">{w.text}</span>
          </li>
        ))}
      </ul>
      {canAnswer ? (
        <div className="kefu-whispers-reply" style={{ display: 'flex', gap: 8 }}>
          <Input
            aria-label={t('whispers.reply')}
            placeholder={t('whispers.replyPlaceholder')}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onPressEnter={() => void answer()}
            maxLength={5000}
          />
          <Button onClick={() => void answer()} loading={sending} disabled={!draft.trim()}>
            {t('whispers.send')}
          </Button>
        </div>
      ) : null}
      {error ? (
        <div role="alert" className="kefu-whispers-error">
          {error}
        </div>
      ) : null}
    </aside>
  );
});
