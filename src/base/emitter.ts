// A minimal typed event emitter: the owner keeps the Emitter private and exposes `event`,
// so listeners can subscribe and dispose without being able to fire.

export interface Disposable {
  dispose(): void;
}

export type Event<T> = (listener: (value: T) => void) => Disposable;

export class Emitter<T> {
  private listeners: Array<(value: T) => void> = [];

  readonly event: Event<T> = (listener) => {
    this.listeners.push(listener);
    return {
      dispose: () => {
        const i = this.listeners.indexOf(listener);
        if (i >= 0) this.listeners.splice(i, 1);
      },
    };
  };

  get hasListeners(): boolean {
    return this.listeners.length > 0;
  }

  fire(value: T): void {
    // Copy so a listener that disposes itself does not skip its neighbour.
    for (const l of this.listeners.slice()) l(value);
  }
}
