type PromiseTry = (fn: (...args: unknown[]) => unknown, ...args: unknown[]) => Promise<unknown>;

/**
 * Installs `Promise.try` when the runtime lacks it (Node < 23). The PDF.js build bundled with
 * unpdf calls it unconditionally; without it PDF extraction crashes outside any awaited promise.
 */
export function ensurePromiseTry(): void {
  const ctor = Promise as PromiseConstructor & { try?: PromiseTry };
  if (typeof ctor.try === 'function') return;
  Object.defineProperty(Promise, 'try', {
    value: function promiseTry(this: PromiseConstructor, fn: (...args: unknown[]) => unknown, ...args: unknown[]) {
      return new this((resolve) => resolve(fn(...args)));
    },
    writable: true,
    configurable: true,
  });
}
