/** The softphone UI (issue 3). The media side lives in ./media and is mounted by the workstation. */
export { PhoneView } from './PhoneView.js';
export { PhoneEffects } from './PhoneEffects.js';
export { HeaderPhone } from './HeaderPhone.js';
export { subscribePhone, loadPhone } from './subscribePhone.js';
export { dialNumber } from './dial.js';
export { usePhoneView } from './phoneViewStore.js';
export { useMissedCallCount } from './useMissedCallCount.js';
