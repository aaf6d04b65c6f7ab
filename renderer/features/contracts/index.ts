export { SyntecRevisionPanel } from './SyntecRevisionPanel';
