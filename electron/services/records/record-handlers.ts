/** The records channels of the IPC contract, each to its RecordService method. */
import type { recordInvokeChannels } from '../../../shared/ipc/records.js';
import type { InvokeHandlers } from '../workstation-handlers.js';
import type { RecordService } from './record-service.js';

export { recordSearchParams } from './record-service.js';

export function createRecordHandlers(records: RecordService): Pick<InvokeHandlers, keyof typeof recordInvokeChannels> {
  return {
    'records:query': (request) => records.query(request),
    'records:export': (request) => records.export(request),
    'records:transcript': (request) => records.transcript(request),
  };
}
