import { useEffect, useState } from 'react';
import { Alert, App, Button, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ServerAddressState } from '../../shared/ipc/server-address.js';
import { parseServerUrl } from '../../shared/server-address.js';
import { invoke } from '../app/kefu.js';
import { useSessionStore } from './sessionStore.js';
import { switchErrorText } from './server-address-text.js';

/**
 * 服务器地址 on the login page: the server in use and where the address came from; 修改 opens a
 * small form. The form is checked here at once (the same rules as the services), then by the
 * services — a Kefu Desk server must answer there — before they log out and switch. Messages not
 * yet sent to the current server are dropped only after the agent says so.
 */
export function ServerAddressSection() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const serverUrl = useSessionStore((s) => s.snapshot?.settings.serverUrl);
  const [state, setState] = useState<ServerAddressState | null>(null);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    void invoke('server:get-address', undefined).then((result) => {
      if (current && result.ok) setState(result.value);
    });
    return () => {
      current = false;
    };
  }, [serverUrl]);

  if (!state) return null;

  const submit = async (url: string | null, discardUnsent = false): Promise<void> => {
    const parsed = url === null ? null : parseServerUrl(url);
    if (parsed && !parsed.ok) return setError(t(`server.problem.${parsed.problem}`));
    const target = parsed?.url ?? state.defaultUrl;
    setBusy(true);
    setError(null);
    const result = await invoke('server:set-address', { url: parsed?.url ?? null, discardUnsent });
    setBusy(false);
    if (result.ok) {
      setState(result.value);
      setEditing(false);
      setNotice(t('server.switched', { url: result.value.url }));
      return;
    }
    if (result.error.details?.reason === 'unsent') {
      void modal.confirm({
        title: t('server.unsentTitle'),
        content: t('server.unsentBody', { count: Number(result.error.details.unsent ?? 0), url: state.url }),
        okText: t('server.unsentConfirm'),
        okButtonProps: { danger: true },
        cancelText: t('server.cancel'),
        onOk: () => submit(url, true),
      });
      return;
    }
    setError(switchErrorText(t, result.error, target));
  };

  return (
    <section className="kefu-login-server" aria-label={t('server.label')} style={{ marginTop: 20 }}>
      {state.deploymentProblem && (
        <Alert type="warning" showIcon title={t('server.deploymentProblem', { problem: state.deploymentProblem })} style={{ marginBottom: 8 }} />
      )}
      {state.heldFor && (
        <Alert type="info" showIcon title={t('server.held', { url: state.heldFor.url, count: state.heldFor.unsent })} style={{ marginBottom: 8 }} />
      )}
      {notice && <Alert type="success" showIcon role="status" title={notice} style={{ marginBottom: 8 }} />}
      {!editing ? (
        <Space wrap>
          <Typography.Text type="secondary">{t('server.current', { url: state.url, source: t(`server.source.${state.source}`) })}</Typography.Text>
          <Button
            size="small"
            aria-label={t('server.changeLabel')}
            onClick={() => {
              setText(state.url);
              setError(null);
              setNotice(null);
              setEditing(true);
            }}
          >
            {t('server.change')}
          </Button>
        </Space>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void submit(text);
          }}
        >
          <label htmlFor="kefu-server-address">{t('server.newAddress')}</label>
          <Input
            id="kefu-server-address"
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder={t('server.placeholder')}
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            maxLength={2048}
            status={error ? 'error' : undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby="kefu-server-address-hint"
            autoFocus
          />
          <Typography.Paragraph type="secondary" id="kefu-server-address-hint" style={{ margin: '4px 0 8px' }}>
            {t('server.hint')}
          </Typography.Paragraph>
          {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 8 }} />}
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('server.save')}
            </Button>
            {state.source === 'chosen' && (
              <Button disabled={busy} onClick={() => void submit(null)}>
                {t('server.useDefault')}
              </Button>
            )}
            <Button disabled={busy} onClick={() => setEditing(false)}>
              {t('server.cancel')}
            </Button>
          </Space>
        </form>
      )}
    </section>
  );
}
