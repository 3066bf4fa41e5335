import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

// Built into the server's wwwroot (gitignored); in development Vite proxies the API to a running `storyloom serve`.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: '../src/Storyloom.Server/wwwroot',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:5080', '/openapi': 'http://127.0.0.1:5080' },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
  },
})
