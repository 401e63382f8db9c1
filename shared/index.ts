export * from './errors.js';
export * from './ids.js';
export * from './limits.js';
export * from './domain.js';
export * from './protocol/rest.js';
export * from './protocol/realtime.js';
export * from './ipc/contract.js';
export * from './ipc/wire.js';
