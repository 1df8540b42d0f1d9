/**
 * Waits for an element a CRM renders after its URL changed (record highlights, a
 * sidebar): resolves with it, or with null after `timeoutMs` (the caller then floats the
 * panel) or on abort. `find` is called on every DOM change, so it must be cheap.
 */
export function waitForElement(doc: Document, find: () => Element | null, signal: AbortSignal, timeoutMs: number): Promise<Element | null> {
  const now = find();
  if (now || signal.aborted) return Promise.resolve(now);
  return new Promise((resolve) => {
    let done = false;
    const finish = (found: Element | null): void => {
      if (done) return;
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(found);
    };
    const onAbort = (): void => finish(null);
    const observer = new MutationObserver(() => {
      const found = find();
      if (found) finish(found);
    });
    const root = doc.body ?? doc.documentElement;
    // `class` and `hidden` changes too: SPAs flip which kept page is active without adding nodes.
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'hidden'] });
    const timer = setTimeout(() => finish(find()), timeoutMs);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
