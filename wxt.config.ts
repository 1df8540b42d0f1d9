import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import tailwindcss from '@tailwindcss/vite';

/**
 * Host patterns of the real CRMs. The e2e build (`--mode e2e`) adds localhost so the
 * sandbox CRM servers can stand in for them (design.md, "Contracts others rely on").
 */
const E2E_HOSTS = ['http://localhost/*', 'http://127.0.0.1/*'];

export default defineConfig({
  // Explicit imports only: lint enforces the layering (content scripts never import
  // background code, lib/engine imports no browser API), which auto-imports would hide.
  imports: false,
  vite: () => ({
    plugins: [preact(), tailwindcss()],
  }),
  manifest: ({ mode }) => ({
    name: 'Dealsight',
    description:
      'Deal intelligence inside your CRM: Repeat Buyer Personas, Win Potential and forecasts, computed in your browser.',
    permissions: ['storage'],
    host_permissions: mode === 'e2e' ? E2E_HOSTS : [],
    // No remote code: scripts come only from the package itself.
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
  }),
});
