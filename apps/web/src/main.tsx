import { createWebClient, WebDataProvider } from '@pa/web-data-access';
import { listenForInstall, startServiceWorker } from '@pa/web-pwa';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './routes';
import './styles/global.css';
import './styles/shell.css';
import './styles/controls.css';
import './styles/admin.css';
import './styles/chat.css';
import './styles/sms.css';
import './styles/pwa.css';
import './styles/reminders.css';
import './styles/today.css';

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element in index.html.');

// The browser's install offer comes soon after load; the service worker registers once the page has loaded.
listenForInstall();
startServiceWorker({ enabled: import.meta.env.PROD });

// The app starts in the next task, not in this script's evaluation: two shorter tasks instead of one
// long one (the frame painted by index.html stays on screen meanwhile).
setTimeout(() => {
  // Created once, outside React: the session restore (refresh cookie) starts before the first render.
  const client = createWebClient();
  // A transition: React renders the first screen in slices, yielding to the browser between them.
  startTransition(() => {
    createRoot(container).render(
      <StrictMode>
        <WebDataProvider client={client}>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </WebDataProvider>
      </StrictMode>,
    );
  });
}, 0);
