import { useEffect } from 'react';

/** j / k or ↓ / ↑ move the focused row, Enter opens it, x selects, / jumps to search. Ignored while typing. */
export function useKeyboardNav(opts: {
  ids: string[];
  activeId: string | null;
  setActive: (id: string) => void;
  open: (id: string) => void;
  toggle: (id: string) => void;
  focusSearch: () => void;
}): void {
  const { ids, activeId, setActive, open, toggle, focusSearch } = opts;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) || el.closest('.ant-select, .ant-picker, .ant-modal'))) return;
      const i = activeId ? ids.indexOf(activeId) : -1;
      const move = (to: number) => {
        const id = ids[Math.max(0, Math.min(ids.length - 1, to))];
        if (!id) return;
        setActive(id);
        const row = document.querySelector<HTMLElement>(`[data-row-id="${CSS.escape(id)}"]`);
        row?.focus({ preventScroll: true });
        row?.scrollIntoView({ block: 'nearest' });
      };
      if (e.key === 'j' || e.key === 'ArrowDown') { e.preventDefault(); move(i + 1); }
      else if (e.key === 'k' || e.key === 'ArrowUp') { e.preventDefault(); move(i - 1); }
      // Enter on a header's sort button, a link or a checkbox does what that control does.
      else if (e.key === 'Enter' && activeId && !el?.closest('button, a')) { e.preventDefault(); open(activeId); }
      else if (e.key === 'x' && activeId) toggle(activeId);
      else if (e.key === '/') { e.preventDefault(); focusSearch(); }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [ids, activeId, setActive, open, toggle, focusSearch]);
}
