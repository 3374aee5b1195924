import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DeskProviders } from './providers.tsx';
import { DeskRouter } from './router.tsx';
import 'antd/dist/antd.css';
import '../ui/desk.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <DeskProviders>
      <DeskRouter />
    </DeskProviders>
  </StrictMode>,
);
