// The installable app: the service worker's lifecycle (with a calm update prompt) and installing.
export { startServiceWorker, type ServiceWorkerOptions } from './lib/serviceWorker';
export { listenForInstall } from './lib/install';
export { UpdatePrompt } from './lib/components/UpdatePrompt';
export { InstallApp } from './lib/components/InstallApp';
export { InstallSection } from './lib/components/InstallSection';
