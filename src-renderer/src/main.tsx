import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { captureAccessToken } from './lib/token';

captureAccessToken();

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
