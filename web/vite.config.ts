import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vitest/config';
import { swaggerUiAssets } from './config/swagger-ui-assets';

// The C++ server listens here during development (`make run`).
const backend = process.env.VITE_BACKEND_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  // No @vitejs/plugin-react: esbuild compiles JSX with the automatic runtime.
  esbuild: { jsx: 'automatic' },
  plugins: [swaggerUiAssets()],
  server: {
    // An IP, not "localhost": resolving that name needs /etc/hosts, which minimal CI images may lack.
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': backend,
      '/health': backend,
      '/docs': backend,
      '/socket.io': { target: backend, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    target: 'es2020',
    sourcemap: false,
    rollupOptions: {
      output: {
        // Libraries change less often than our code: separate chunks keep them cached.
        manualChunks: {
          react: ['react', 'react-dom', 'react-router'],
          query: ['@tanstack/react-query'],
          zod: ['zod'],
          socket: ['socket.io-client'],
        },
      },
      onwarn(warning, warn) {
        // TanStack Query marks modules "use client" for RSC; meaningless in an SPA bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup-tests.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    // Route tests load lazy chunks; on a busy machine (the server compiling next door) the
    // first one of a file can take seconds. Testing Library waits up to 4 s (setup-tests.ts).
    testTimeout: 15_000,
  },
});
