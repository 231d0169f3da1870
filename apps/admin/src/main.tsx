import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { meQuery } from './auth/session';
import { fetchPlans, plansQueryKey } from './components/plan';
import { readToken } from './graphql/client';
import { queryClient } from './query-client';
import 'antd/dist/antd.css';
import './global.css';

// With a stored token, ask who is signed in and which plans exist before React's first render.
if (readToken()) {
  void queryClient.prefetchQuery(meQuery);
  void queryClient.prefetchQuery({ queryKey: plansQueryKey, queryFn: fetchPlans, staleTime: 5 * 60_000 });
}

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
