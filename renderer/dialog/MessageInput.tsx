import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { App, Button, Input, Tooltip, type GetRef } from 'antd';
import { FileOutlined, PictureOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../shared/limits.js';
import { useSessionStore } from '../login/sessionStore.js';
import { useMessagesStore } from './messagesStore.js';
import { useAlertStore } from '../alerts/alertStore.js';
import { checkFile, sendKeyAction, textLength } from './messageLogic.js';
import { readFileAsBase64 } from './readFile.js';
import { EmojiPicker } from './EmojiPicker.js';
import { useTypingSignal } from './useTypingSignal.js';
import { spliceAtCursor, useComposerStore } from './composerStore.js';
import { usePhraseShortcuts } from '../phrases/usePhraseShortcuts.js';
import { MessageStyleButton } from '../phrases/MessageStyleButton.js';
import { ScreenshotButton } from '../desktop/ScreenshotButton.js';
import { agentUploadRule, useCompanySettings } from '../company/companySettings.js';

type TextAreaRef = GetRef<typeof Input.TextArea>;

/** The input box: Enter or Ctrl+Enter sends (信息发送快捷键设置), the other adds a line. */
export function MessageInput({ conversationId, disabled }: { conversationId: string; disabled?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const sendKey = useSessionStore((s) => s.snapshot?.settings.sendKey ?? 'enter');
  const send = useMessagesStore((s) => s.send);
  // 公司设置 文件: the company's size for agents, followed live.
  const company = useCompanySettings();
  const [text, setText] = useState('');
  const areaRef = useRef<TextAreaRef>(null);
  const imageInput = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const typing = useTypingSignal(conversationId);
  const length = textLength(text);
  const tooLong = length > LIMITS.messageTextMax;

  const acted = () => useAlertStore.getState().acknowledge(conversationId);

  const sendText = async () => {
    const body = text.trim();
    if (!body || disabled) return;
    if (tooLong) {
      void message.error(t('dialog.tooLong', { max: LIMITS.messageTextMax }));
      return;
    }
    setText('');
    typing.stopped();
    acted();
    const failure = await send({ conversationId, kind: 'text', text: body });
    if (failure) {
      setText((current) => current || body); // give the words back rather than lose them
      void message.error(failure.message);
    }
  };

  /** Replaces [start, end) with `insert` and puts the caret after it (emoji, 常用语, "/" shortcuts). */
  const replaceRange = (start: number, end: number, insert: string) => {
    const el = areaRef.current?.resizableTextArea?.textArea;
    const next = spliceAtCursor(text, start, end, insert);
    setText(next.value);
    typing.typed();
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(next.caret, next.caret);
    });
  };
  const insertAtCaret = (insert: string) => {
    const el = areaRef.current?.resizableTextArea?.textArea;
    replaceRange(el?.selectionStart ?? text.length, el?.selectionEnd ?? text.length, insert);
  };
  // The helper panel inserts here through the composer store; re-registered so it sees the latest text.
  useEffect(() => (disabled ? undefined : useComposerStore.getState().register(insertAtCaret)));
  const shortcuts = usePhraseShortcuts({ conversationId, text, replace: replaceRange });

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (shortcuts.onKeyDown(e)) return;
    const action = sendKeyAction(sendKey, { key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, shiftKey: e.shiftKey, isComposing: e.nativeEvent.isComposing });
    if (action === 'send') {
      e.preventDefault();
      void sendText();
    } else if (action === 'newline' && (e.ctrlKey || e.metaKey)) {
      // A textarea ignores Ctrl+Enter, so the line break is inserted by hand.
      e.preventDefault();
      insertAtCaret('\n');
    }
  };

  const sendFile = async (kind: 'image' | 'file', file: File | undefined) => {
    if (!file) return;
    const problem = checkFile(kind, file, agentUploadRule(company));
    if (problem) {
      void message.error(t(problem.key, { max: problem.max }));
      return;
    }
    acted();
    const dataBase64 = await readFileAsBase64(file);
    const failure = await send({ conversationId, kind, file: { name: file.name.slice(0, LIMITS.fileNameMax), dataBase64 } });
    if (failure) void message.error(failure.message);
  };

  return (
    <div className="kefu-input">
      <div className="kefu-input-tools">
        <EmojiPicker onPick={insertAtCaret} disabled={disabled} />
        <MessageStyleButton disabled={disabled} />
        <Tooltip title={t('dialog.sendImage')}>
          <Button type="text" icon={<PictureOutlined />} aria-label={t('dialog.sendImage')} disabled={disabled} onClick={() => imageInput.current?.click()} />
        </Tooltip>
        <Tooltip title={t('dialog.sendFile')}>
          <Button type="text" icon={<FileOutlined />} aria-label={t('dialog.sendFile')} disabled={disabled} onClick={() => fileInput.current?.click()} />
        </Tooltip>
        <ScreenshotButton conversationId={conversationId} disabled={disabled} />
        <input
          ref={imageInput}
          type="file"
          accept="image/png,image/jpeg,image/gif,image/webp"
          hidden
          aria-label={t('dialog.sendImage')}
          onChange={(e) => {
            void sendFile('image', e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <input
          ref={fileInput}
          type="file"
          hidden
          aria-label={t('dialog.sendFile')}
          onChange={(e) => {
            void sendFile('file', e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </div>
      <div style={{ position: 'relative' }}>
        {shortcuts.popup}
        <Input.TextArea
          ref={areaRef}
          aria-label={t('dialog.input')}
          placeholder={t(sendKey === 'enter' ? 'dialog.sendKeyHintEnter' : 'dialog.sendKeyHintCtrlEnter')}
          value={text}
          disabled={disabled}
          autoSize={{ minRows: 3, maxRows: 6 }}
          status={tooLong ? 'error' : undefined}
          onChange={(e) => {
            setText(e.target.value);
            shortcuts.onCaret(e);
            typing.typed();
          }}
          onSelect={shortcuts.onCaret}
          onKeyDown={onKeyDown}
          onBlur={typing.stopped}
        />
      </div>
      <div className="kefu-input-foot">
        <span aria-live="polite" style={{ color: tooLong ? 'var(--kefu-danger)' : undefined }} data-testid="char-counter">
          {t('dialog.counter', { count: length, max: LIMITS.messageTextMax })}
        </span>
        <Button type="primary" icon={<SendOutlined />} disabled={disabled || !text.trim() || tooLong} onClick={() => void sendText()}>
          {t('dialog.send')}
        </Button>
      </div>
    </div>
  );
}
