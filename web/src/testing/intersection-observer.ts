import { act } from '@testing-library/react';

// jsdom has no IntersectionObserver. This stand-in records what the app observes; a test
// scrolls by calling `scrollIntoView()` on the returned handle, which tells every observer
// that its elements came into sight.

type Observer = { callback: IntersectionObserverCallback; elements: Set<Element>; self: IntersectionObserver };

export function installIntersectionObserver() {
  const observers = new Set<Observer>();
  const original = (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver;

  class FakeIntersectionObserver implements IntersectionObserver {
    readonly root = null;
    readonly rootMargin = '0px';
    readonly thresholds = [0];
    private readonly entry: Observer;
    constructor(callback: IntersectionObserverCallback) {
      this.entry = { callback, elements: new Set(), self: this };
      observers.add(this.entry);
    }
    observe(element: Element) {
      this.entry.elements.add(element);
    }
    unobserve(element: Element) {
      this.entry.elements.delete(element);
    }
    disconnect() {
      this.entry.elements.clear();
      observers.delete(this.entry);
    }
    takeRecords(): IntersectionObserverEntry[] {
      return [];
    }
  }

  Object.defineProperty(globalThis, 'IntersectionObserver', { configurable: true, writable: true, value: FakeIntersectionObserver });

  return {
    /** How many elements are being watched now. */
    get watched(): number {
      return [...observers].reduce((n, o) => n + o.elements.size, 0);
    },
    /** Every watched element comes into sight. */
    scrollIntoView() {
      act(() => {
        for (const observer of [...observers]) {
          const entries = [...observer.elements].map(
            (target) =>
              ({ target, isIntersecting: true, intersectionRatio: 1, time: Date.now() }) as unknown as IntersectionObserverEntry,
          );
          if (entries.length > 0) observer.callback(entries, observer.self);
        }
      });
    },
    uninstall() {
      Object.defineProperty(globalThis, 'IntersectionObserver', { configurable: true, writable: true, value: original });
    },
  };
}
