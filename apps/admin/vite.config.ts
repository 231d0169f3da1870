import { constants } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

// The gateway serves dist/ at `/` and GraphQL at `/graphql` on the same port; in `vite dev` the
// GraphQL endpoint and downloads are proxied to a gateway on QXG_GATEWAY (default localhost:4000).
const gateway = process.env.QXG_GATEWAY ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [
    react(),
    // `.br` and `.gz` beside every text asset, at the strongest settings (built once, sent many times):
    // the gateway sends them as they are to browsers that accept br / gzip (apps/gateway/src/http.ts).
    compression({
      include: /\.(js|css|html|svg|json)$/,
      algorithms: [
        defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        defineAlgorithm('gzip', { level: 9 }),
      ],
      logLevel: 'silent',
    }),
  ],
  // Workspace packages are bundled from source (their `@qxg/source` export), like the rest of the monorepo.
  resolve: { conditions: ['@qxg/source', 'module', 'browser', 'development|production'] },
  build: {
    outDir: 'dist',
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // A page's chunk is named after its folder (`pages/table/index.tsx` → `table-page-….js`), so
        // the budget script and a look at dist/ can tell the route pages from the rest.
        chunkFileNames: (chunk) => {
          const page = /[\\/]pages[\\/]([^\\/]+)[\\/]index\.tsx$/.exec(chunk.facadeModuleId ?? '')?.[1];
          return page ? `assets/${page}-page-[hash].js` : 'assets/[name]-[hash].js';
        },
      },
    },
  },
  server: {
    proxy: { '/graphql': gateway, '/export': gateway, '/healthz': gateway },
  },
});
