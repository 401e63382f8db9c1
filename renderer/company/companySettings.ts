/**
 * 公司设置 as the services last read them from the server (小结 required or not, the agents' file
 * size …), kept current by `company-settings:changed`: an admin's change applies to the open
 * workstation at once. Until the first read (or offline from the start) everything falls back to
 * the strict defaults — a topic required, the hard file limits — which the server enforces anyway.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { CompanySettings } from '../../shared/ipc/company-settings.js';
import { uploadRuleFor, type UploadRule } from '../../shared/company-rules.js';
import { invoke, kefu } from '../app/kefu.js';

interface CompanySettingsState {
  value: CompanySettings | null;
}

export const useCompanySettingsStore = create<CompanySettingsState>(() => ({ value: null }));

/** Components using the settings share one subscription, open while any of them is mounted. */
let users = 0;
let unsubscribe: (() => void) | null = null;

function start(): void {
  unsubscribe = kefu().on('company-settings:changed', (value) => useCompanySettingsStore.setState({ value }));
  void invoke('company-settings:get', undefined).then((result) => {
    // A change pushed while the read was out is newer than its answer.
    if (result.ok && useCompanySettingsStore.getState().value === null) useCompanySettingsStore.setState({ value: result.value });
  });
}

export function useCompanySettings(): CompanySettings | null {
  useEffect(() => {
    if (users++ === 0) start();
    return () => {
      if (--users > 0) return;
      unsubscribe?.();
      unsubscribe = null;
    };
  }, []);
  return useCompanySettingsStore((s) => s.value);
}

/** Whether closing needs a topic (对话主题): yes unless the company turned it off. */
export const summaryRequiredBy = (company: CompanySettings | null): boolean => company?.settings.summaryRequired ?? true;

/** What an agent may upload now (the company's size, within the hard limits). */
export const agentUploadRule = (company: CompanySettings | null): UploadRule => uploadRuleFor(company?.settings, 'staff');
