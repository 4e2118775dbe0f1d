export { startWorker, type StartWorkerOptions, type WorkerAppHandle } from './app/start-worker';
