/**
 * Vite configuration of the browser client (client/). The production build lands in client/dist,
 * which the server serves at `/`. In development (`npm run dev -w client`) the collaboration
 * endpoints are proxied to a server on 127.0.0.1:3000.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { compression } from 'vite-plugin-compression2';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const backend = 'http://127.0.0.1:3000';

/**
 * The Utrecht React library ships as one module whose ~90 components each end in
 * `X.displayName = 'X'`: a property write the bundler must keep, and with it every component (190 kB
 * on the login page). Only devtools read displayName; dropping those lines lets the unused ones go.
 */
function utrechtTreeShakable(): Plugin {
  return {
    name: 'samenspraak:utrecht-tree-shakable',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]@utrecht[\\/]component-library-react[\\/]dist[\\/]index\.mjs$/.test(id)) return null;
      // Same line count, so the remaining lines keep their places in the source map.
      return { code: code.replace(/^[A-Za-z_$][\w$]*\.displayName = '[^'\n]*';$/gm, ''), map: null };
    },
  };
}

/**
 * The shared package builds the server's zod schemas at module level. `manualPureFunctions: ['z']`
 * below does not reach them once the bundler has turned `z.string` into a direct binding, so a module
 * whose constant the client uses (PASSWORD_MIN_LENGTH, MONITOR_ROLES) kept all its schemas, and zod
 * (25 kB gzip) with them, on the login page. For the client build only, each top-level
 * `const X = z…;` (or `= SomeSchema…;`) in shared/src is wrapped in a pure arrow call, which the
 * bundler drops whole when X is not used. Only the code's form changes; what a used schema does, not.
 */
function sharedSchemasPure(): Plugin {
  const statement = /^((?:export )?const [\w$]+(?::[^=\n]+)? = )((?:z\b|[A-Z][\w$]*Schema\b)[\s\S]*?);\n(?=\n|\S|$)/gm;
  return {
    name: 'samenspraak:shared-schemas-pure',
    apply: 'build',
    enforce: 'pre', // on the TypeScript source, before it is turned into JavaScript
    transform(code, id) {
      if (!/[\\/]shared[\\/]src[\\/][^\\/]+\.ts$/.test(id) || !code.includes("from 'zod'")) return null;
      // Same line count, so the source map stays close.
      return { code: code.replace(statement, '$1/* @__PURE__ */ (() => $2)();\n'), map: null };
    },
  };
}

export default defineConfig({
  root: fromRoot('./client'),
  plugins: [
    react(),
    utrechtTreeShakable(),
    sharedSchemasPure(),
    // Next to each text asset a .br and a .gz, made once here at the best levels; the server sends the
    // one the browser takes (server/src/http/httpApp.ts). Source maps only on the rare debugging visit:
    // compressed on the fly then.
    compression({
      algorithms: ['brotliCompress', 'gzip'],
      include: /\.(js|css|html|svg|json|txt)$/,
      threshold: 512,
    }),
  ],
  resolve: {
    // Use the shared sources directly, so a client build never depends on a prior `tsc -b shared`.
    alias: { '@samenspraak/shared': fromRoot('./shared/src/index.ts') },
  },
  build: {
    outDir: fromRoot('./client/dist'),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    rolldownOptions: {
      // The shared package also holds the server's zod schemas, built at module level. The client uses
      // none of them: treat shared's modules as side-effect free and the schema builders as pure, so the
      // bundler drops them, and zod with them (about 25 kB gzip).
      treeshake: {
        moduleSideEffects: [{ test: /[\\/]shared[\\/]src[\\/]/, sideEffects: false }],
        manualPureFunctions: ['z'],
      },
    },
  },
  server: {
    proxy: {
      '/collab': { target: backend, ws: true },
      '/realtime': { target: backend, ws: true },
      '/api': { target: backend },
      '/healthz': { target: backend },
    },
  },
  preview: {
    proxy: {
      '/collab': { target: backend, ws: true },
      '/realtime': { target: backend, ws: true },
      '/api': { target: backend },
      '/healthz': { target: backend },
    },
  },
});
