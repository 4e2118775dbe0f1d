import { createContext } from 'react';
import type { AuthStore } from './authStore';

export const AuthContext = createContext<AuthStore | null>(null);
