import { createWebClient, WebDataProvider } from '@pa/web-data-access';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { createAppRouter } from './routes';
import './styles/global.css';
import './styles/shell.css';
import './styles/controls.css';
import './styles/admin.css';
import './styles/chat.css';

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element in index.html.');

// Created once, outside React: the session restore (refresh cookie) starts before the first render.
const client = createWebClient();
const router = createAppRouter();

createRoot(container).render(
  <StrictMode>
    <WebDataProvider client={client}>
      <RouterProvider router={router} />
    </WebDataProvider>
  </StrictMode>,
);
