import { createWebClient, WebDataProvider } from '@pa/web-data-access';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles/global.css';

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element in index.html.');

const client = createWebClient();

createRoot(container).render(
  <StrictMode>
    <WebDataProvider client={client}>
      <App />
    </WebDataProvider>
  </StrictMode>,
);
