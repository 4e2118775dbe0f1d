import { useEffect, useRef } from 'react';

/** A ref for the page's h1 that takes focus when the page opens, so screen readers start there. */
export function usePageHeading<T extends HTMLElement = HTMLHeadingElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
