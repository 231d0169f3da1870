import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The gateway serves dist/ at `/` and GraphQL at `/graphql` on the same port; in `vite dev` the
// GraphQL endpoint and downloads are proxied to a gateway on QXG_GATEWAY (default localhost:4000).
const gateway = process.env.QXG_GATEWAY ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  // Workspace packages are bundled from source (their `@qxg/source` export), like the rest of the monorepo.
  resolve: { conditions: ['@qxg/source', 'module', 'browser', 'development|production'] },
  build: {
    outDir: 'dist',
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: { '/graphql': gateway, '/export': gateway, '/healthz': gateway },
  },
});
