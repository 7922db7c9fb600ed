import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiOrigin = 'http://localhost:3000';

export default defineConfig({
  // The root scripts run Vite from the repository root, so pin the root to this folder.
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: {
    alias: {
      '@vigil/contracts': fileURLToPath(new URL('../../libs/contracts/src', import.meta.url)),
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': apiOrigin,
      '/health': apiOrigin,
      '/socket.io': { target: apiOrigin, ws: true },
    },
  },
});
