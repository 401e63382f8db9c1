import { IncomingCallModal } from './IncomingCallModal.js';
import { NewCustomerForm } from './NewCustomerForm.js';
import './phone.css';

/** What the phone shows over any view: the 来电 modal (with its ringtone) and the 新建客户 form. */
export function PhoneEffects() {
  return (
    <>
      <IncomingCallModal />
      <NewCustomerForm />
    </>
  );
}
