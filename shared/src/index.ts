export * from './access.js';
export * from './collabProtocol.js';
export * from './limits.js';
