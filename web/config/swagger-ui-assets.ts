import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);
const FILES = ['swagger-ui.css', 'swagger-ui-bundle.js'] as const;

/**
 * Copies the Swagger UI files from the swagger-ui-dist package into dist/docs/, next to
 * public/docs/index.html and init.js. They are served from our own origin because the
 * server's CSP allows no CDN.
 */
export function swaggerUiAssets(): Plugin {
  return {
    name: 'service:swagger-ui-assets',
    apply: 'build',
    generateBundle() {
      for (const file of FILES) {
        const source = readFileSync(require.resolve(`swagger-ui-dist/${file}`));
        this.emitFile({ type: 'asset', fileName: `docs/${file}`, source });
      }
    },
  };
}
