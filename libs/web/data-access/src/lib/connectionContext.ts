import { createContext } from 'react';
import type { ConnectionStore } from './connectionState';

export const ConnectionContext = createContext<ConnectionStore | null>(null);
