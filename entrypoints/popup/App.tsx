import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { pingBackground } from './ping';

type Status = { kind: 'checking' } | { kind: 'ready'; version: string } | { kind: 'error'; message: string };

/** Placeholder popup: later issues replace the empty state with the ranked open pipeline. */
export function App() {
  const [status, setStatus] = useState<Status>({ kind: 'checking' });

  useEffect(() => {
    pingBackground().then(
      (reply) => setStatus({ kind: 'ready', version: reply.version }),
      (error: unknown) => setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  }, []);

  return (
    <main class="flex flex-col gap-4 p-4 font-sans text-slate-900 antialiased dark:text-slate-100">
      <header class="flex items-center gap-2.5">
        <img
          src={browser.runtime.getURL('/icon/48.png')}
          srcSet={`${browser.runtime.getURL('/icon/96.png')} 2x`}
          alt=""
          width={28}
          height={28}
          class="size-7"
        />
        <div class="flex flex-col leading-tight">
          <h1 class="text-base font-semibold tracking-tight">Dealsight</h1>
          <p class="text-xs text-slate-500 dark:text-slate-400">Deal intelligence, computed in your browser</p>
        </div>
      </header>

      <section class="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center dark:border-slate-700">
        <p class="text-sm text-slate-600 dark:text-slate-300">
          Your ranked open pipeline appears here once data is imported.
        </p>
      </section>

      <footer class="flex items-center gap-2 text-xs text-slate-500 dark:text-slate-400" data-testid="status">
        <StatusDot status={status} />
        <StatusText status={status} />
      </footer>
    </main>
  );
}

function StatusDot({ status }: { status: Status }) {
  const color = { checking: 'bg-slate-400', ready: 'bg-emerald-500', error: 'bg-rose-500' }[status.kind];
  return <span class={`inline-block size-2 rounded-full ${color}`} aria-hidden="true" />;
}

function StatusText({ status }: { status: Status }) {
  switch (status.kind) {
    case 'checking':
      return <span>Checking the background…</span>;
    case 'ready':
      return <span>Background ready · v{status.version}</span>;
    case 'error':
      return <span class="text-rose-600 dark:text-rose-400">Background unavailable: {status.message}</span>;
  }
}
