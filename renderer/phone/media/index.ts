export { startPhoneMedia } from './phone-media.js';
