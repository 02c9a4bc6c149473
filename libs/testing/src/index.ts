export { LogCapture } from './log-capture';
export { testConfig } from './test-config';
