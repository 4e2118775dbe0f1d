import { ServerStatusPanel } from './components/ServerStatusPanel';

export function App() {
  return (
    <>
      <header className="site-header">
        <h1>Personal Assistant TDAH</h1>
        <p className="tagline">One thing at a time.</p>
      </header>
      <main id="main" className="site-main">
        <ServerStatusPanel />
      </main>
      <footer className="site-footer">
        <p>Personal Assistant TDAH</p>
      </footer>
    </>
  );
}
