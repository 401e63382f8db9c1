import type { AppError, Result } from '../../shared/errors.js';
import type { LiveCall } from '../../shared/ipc/phone.js';
import { invoke } from '../app/kefu.js';
import { checkDialNumber } from './phoneLogic.js';
import { usePhoneStore } from './phoneStore.js';

/**
 * 点击拨号: every "call this number" button (dial pad, customer card, call log's 回拨) goes
 * through here, so the number is checked the same way everywhere.
 */
export async function dialNumber(number: string): Promise<Result<LiveCall>> {
  const checked = checkDialNumber(number);
  if (!checked.ok) {
    const error: AppError = { code: 'VALIDATION_FAILED', message: 'invalid number' };
    return { ok: false, error };
  }
  const result = await invoke('phone:dial', { number: checked.number });
  if (result.ok) usePhoneStore.getState().applyCall(result.value);
  return result;
}
