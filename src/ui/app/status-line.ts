// The one-line status under the page title: what the page knows about its kernel worker.
// The state goes to a data attribute, so the colour lives in CSS and tests can wait on it.

export type StatusState = 'starting' | 'ready' | 'error';

export function setStatus(element: HTMLElement, state: StatusState, text: string): void {
  element.dataset['state'] = state;
  element.textContent = text;
}
