// What the page tells a learner when the machine cannot boot: a full quota and a blocked IndexedDB
// (private windows) each get their own plain message; anything else is passed on as it came.
// Runs in Node: explainBootError is plain logic.

import { describe, expect, it } from 'vitest';
import { explainBootError } from '../../src/ui/app/notice.ts';

const named = (name: string, message: string): Error => Object.assign(new Error(message), { name });

describe('explainBootError', () => {
  it('names a full quota', () => {
    expect(explainBootError(named('QuotaExceededError', 'The quota has been exceeded.'))).toMatchObject({
      title: 'The browser’s storage for this site is full', storage: true,
    });
  });

  it('names a blocked IndexedDB', () => {
    const why = explainBootError(named('InvalidStateError', 'A mutation operation was attempted on a database that did not allow mutations.'));
    expect(why.title).toBe('This browser will not keep a disk for the page');
    expect(why.text).toMatch(/private windows/);
  });

  it('passes anything else on', () => {
    expect(explainBootError(new Error('the machine is already running'))).toEqual({
      title: 'The machine did not start', text: 'the machine is already running', storage: false,
    });
  });
});
