import { useEffect, useRef, useState } from 'react';
import type { FormInstance } from 'antd';
import { useApi } from '../api/ApiContext.js';
import type { AppError } from '../../shared/errors.js';
import type { SipSettings } from '../../shared/phone.js';

/** The SIP part of the 客服 form; all empty = no SIP account. */
export interface SipFormValues {
  enabled: boolean;
  wsServer: string;
  uri: string;
  authUser: string;
  /** Empty = keep the current one (the console never sees it). */
  password: string;
  displayName: string;
}

export const EMPTY_SIP: SipFormValues = { enabled: true, wsServer: '', uri: '', authUser: '', password: '', displayName: '' };

/** Whether the admin means a SIP account at all (its two addresses are what make one). */
export const sipWanted = (values: SipFormValues | undefined): values is SipFormValues => Boolean(values && (values.wsServer.trim() || values.uri.trim()));

/**
 * The agent's SIP account in the form (admins only: the routes are admin routes): read when an
 * agent is edited, written after the agent itself is saved. `exists` says whether a password is
 * stored, so the form may leave it empty to keep it.
 */
export function useAgentSip(form: FormInstance, agentId: string | undefined, enabled: boolean) {
  const api = useApi();
  const [exists, setExists] = useState(false);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  // ICE servers are not in the form; an edit keeps the ones set (through the API) before.
  const iceServers = useRef<SipSettings['iceServers']>([]);

  useEffect(() => {
    if (!enabled || !agentId) return;
    let current = true;
    void api.call('getAgentSipSettings', { params: { id: agentId } }).then((result) => {
      if (!current) return;
      if (!result.ok) return setLoadError(result.error);
      setExists(result.value !== null);
      if (!result.value) return;
      iceServers.current = result.value.iceServers;
      const { iceServers: _ice, ...shown } = result.value;
      form.setFieldsValue({ sip: { ...shown, password: '' } });
    });
    return () => {
      current = false;
    };
  }, [api, agentId, enabled, form]);

  /** Writes the SIP account when the admin filled one in; null when done (or nothing to do). */
  async function save(id: string, values: SipFormValues | undefined): Promise<AppError | null> {
    if (!enabled || !sipWanted(values)) return null;
    const { password, ...rest } = values;
    const result = await api.call('setSipSettings', {
      params: { id },
      body: { ...rest, iceServers: iceServers.current, ...(password ? { password } : {}) },
    });
    return result.ok ? null : result.error;
  }

  return { exists, loadError, save };
}
