import { useEffect, useState } from 'preact/hooks';

/**
 * The section the reader is in, for the side navigation: the last section whose top has
 * scrolled above the upper third of the viewport. Null where IntersectionObserver is missing.
 */
export function useActiveSection(ids: readonly string[], enabled: boolean): string | null {
  const [active, setActive] = useState<string | null>(null);
  useEffect(() => {
    if (!enabled || typeof IntersectionObserver === 'undefined') return;
    const visible = new Map<string, boolean>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) visible.set(entry.target.id, entry.isIntersecting);
        const first = ids.find((id) => visible.get(id));
        if (first) setActive(first);
      },
      // A band across the top part of the viewport: the section crossing it is "current".
      { rootMargin: '-10% 0px -60% 0px' },
    );
    for (const id of ids) {
      const element = document.getElementById(id);
      if (element) observer.observe(element);
    }
    return () => observer.disconnect();
  }, [ids, enabled]);
  return active;
}
