export { DeviceFeesPanel } from './DeviceFeesPanel';
export { SyntecRevisionPanel } from './SyntecRevisionPanel';
