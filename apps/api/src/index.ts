export { startApi, type ApiHandle, type StartApiOptions } from './app/start-api';
export { apiParts } from './app/parts';
export { buildApiSchema, printApiSchema } from './app/schema';
export { bootApi, type BootedApi } from './app/boot';
export { createServices, closeServices } from './app/services';
