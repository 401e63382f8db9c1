import { useState } from 'react';
import { App, Button, Popover, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../shared/errors.js';
import type { LiveCall } from '../../shared/ipc/phone.js';
import { useNow } from '../visitors/useNow.js';
import { usePhoneStore } from './phoneStore.js';
import { currentCall, engagedCalls, formatCallTimer } from './phoneLogic.js';
import { completeConsultation, conference, hangUp, sendDtmf, setHold, setMute, switchTo } from './callActions.js';
import { KEYS } from './DialPad.js';
import { TransferModal } from './TransferModal.js';

function DtmfKeypad({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <div className="kefu-dial-keys" role="group" aria-label={t('phone.call.keypad')}>
      {KEYS.map((key) => (
        <Button
          key={key}
          aria-label={t('phone.call.dtmf', { digit: key })}
          onClick={async () => {
            const failure = await sendDtmf(callId, key);
            if (failure) void message.error(failure.message);
          }}
        >
          {key}
        </Button>
      ))}
    </div>
  );
}

function CallLine({ call, current, now }: { call: LiveCall; current: boolean; now: number }) {
  const { t } = useTranslation();
  const state = call.onHold ? 'held' : call.state;
  return (
    <div className={`kefu-call-line${current ? ' current' : ''}`}>
      <div>
        <Typography.Text strong>{call.remoteName ?? call.remoteNumber}</Typography.Text>
        {call.remoteName && <span className="kefu-muted"> {call.remoteNumber}</span>}
      </div>
      <Space size={4}>
        <Tag>{t(`phone.call.${call.direction}`)}</Tag>
        <Tag color={state === 'established' ? 'green' : state === 'held' ? 'orange' : 'blue'}>{t(`phone.call.${state}`)}</Tag>
        {call.conferenceWith && <Tag color="purple">{t('phone.call.conferenced')}</Tag>}
        {call.muted && <Tag color="red">{t('phone.call.mute')}</Tag>}
      </Space>
      {call.transfer && (
        <Typography.Text type={call.transfer.state === 'failed' ? 'danger' : 'secondary'} role="status" className="kefu-call-transfer">
          {call.transfer.state === 'failed'
            ? t('phone.transfer.failed', { target: call.transfer.target })
            : t('phone.transfer.trying', { target: call.transfer.target })}
          {call.transfer.state === 'failed' && call.transfer.reason ? ` (${call.transfer.reason})` : ''}
        </Typography.Text>
      )}
      <span className="kefu-call-timer" aria-label={t('phone.call.timer')}>
        {formatCallTimer(call.answeredAt ? now - call.answeredAt : 0)}
      </span>
    </div>
  );
}

/** 当前通话: timer, 静音, 保持/恢复, DTMF, 转接, 三方通话, 挂断 for the current call; other calls listed. */
export function ActiveCallPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const calls = usePhoneStore((s) => s.state.calls);
  const consultation = usePhoneStore((s) => s.consultation);
  const [transferOpen, setTransferOpen] = useState(false);
  const now = useNow();
  const engaged = engagedCalls(calls);
  const call = currentCall(calls);
  const act = async (action: () => Promise<AppError | null>) => {
    const failure = await action();
    if (failure) void message.error(failure.message);
  };
  if (!call) return <div className="kefu-call-empty">{t('phone.call.none')}</div>;
  const other = engaged.find((c) => c.id !== call.id);
  const held = call.onHold || call.state === 'held';
  const talking = call.state === 'established' || call.state === 'held';
  const consultTarget = consultation?.consultCallId ? calls.find((c) => c.id === consultation.consultCallId) : undefined;
  return (
    <section className="kefu-call-panel" aria-label={t('phone.call.title')}>
      {engaged.map((c) => (
        <CallLine key={c.id} call={c} current={c.id === call.id} now={now} />
      ))}
      {consultTarget && <Typography.Text type="warning">{t('phone.transfer.consulting', { number: consultTarget.remoteNumber })}</Typography.Text>}
      <Space wrap className="kefu-call-controls">
        <Button disabled={!talking} onClick={() => void act(() => setMute(call.id, !call.muted))} aria-pressed={call.muted}>
          {call.muted ? t('phone.call.unmute') : t('phone.call.mute')}
        </Button>
        <Button disabled={!talking} onClick={() => void act(() => setHold(call.id, !held))} aria-pressed={held}>
          {held ? t('phone.call.resume') : t('phone.call.hold')}
        </Button>
        <Popover trigger="click" content={<DtmfKeypad callId={call.id} />} placement="bottom">
          <Button disabled={!talking}>{t('phone.call.keypad')}</Button>
        </Popover>
        {consultation?.consultCallId ? (
          <Button type="primary" onClick={() => void act(completeConsultation)}>
            {t('phone.transfer.complete')}
          </Button>
        ) : (
          <Button disabled={!talking} onClick={() => setTransferOpen(true)}>
            {t('phone.call.transfer')}
          </Button>
        )}
        <Button disabled={!other || !talking || call.conferenceWith !== null} onClick={() => other && void act(() => conference(call.id, other.id))}>
          {t('phone.call.conference')}
        </Button>
        <Button danger type="primary" onClick={() => void act(() => hangUp(call.id))}>
          {t('phone.call.hangUp')}
        </Button>
      </Space>
      {engaged
        .filter((c) => c.id !== call.id && (c.onHold || c.state === 'held') && c.conferenceWith === null)
        .map((c) => (
          <Button key={c.id} size="small" type="link" onClick={() => void act(() => switchTo(call.id, c.id))}>
            {t('phone.call.switchTo', { number: c.remoteNumber })}
          </Button>
        ))}
      <TransferModal callId={transferOpen ? call.id : null} onClose={() => setTransferOpen(false)} />
    </section>
  );
}
