// Generated container names, `adjective_surname` as Docker makes them, from this project's own
// word lists: adjectives of temperament, surnames of people who built computing and science.

export const ADJECTIVES = [
  'agile', 'amber', 'ardent', 'bashful', 'blithe', 'bold', 'brave', 'breezy', 'bright', 'brisk',
  'calm', 'candid', 'cheerful', 'chipper', 'clever', 'cosy', 'curious', 'daring', 'dapper', 'deft',
  'eager', 'earnest', 'fervent', 'fond', 'frank', 'gallant', 'gentle', 'gleeful', 'glowing', 'good',
  'hardy', 'hearty', 'humble', 'jolly', 'jovial', 'keen', 'kind', 'lively', 'loyal', 'lucid',
  'mellow', 'merry', 'mindful', 'modest', 'nimble', 'noble', 'patient', 'peppy', 'placid', 'plucky',
  'polite', 'proud', 'quiet', 'quirky', 'radiant', 'rapid', 'serene', 'shrewd', 'sincere', 'snappy',
  'spry', 'steady', 'stoic', 'sunny', 'swift', 'tender', 'thrifty', 'tidy', 'upbeat', 'valiant',
  'vivid', 'wary', 'whimsical', 'wise', 'witty', 'zany', 'zealous', 'zesty',
];

export const SURNAMES = [
  'agnesi', 'allen', 'babbage', 'backus', 'bartik', 'berners', 'boole', 'borg', 'cerf', 'church',
  'codd', 'conway', 'corbato', 'curie', 'dijkstra', 'easley', 'engelbart', 'euler', 'faraday', 'fermat',
  'feynman', 'floyd', 'franklin', 'gauss', 'germain', 'goldberg', 'goldwasser', 'hamilton', 'hamming', 'hopper',
  'huffman', 'hypatia', 'iverson', 'jackson', 'johnson', 'kahan', 'kay', 'keller', 'kernighan', 'knuth',
  'kovalevskaya', 'lamarr', 'lamport', 'liskov', 'lovelace', 'mccarthy', 'meitner', 'milner', 'minsky', 'naur',
  'noether', 'nygaard', 'pascal', 'perlman', 'pike', 'rabin', 'raman', 'ritchie', 'rivest', 'sammet',
  'shamir', 'shannon', 'shaw', 'sinoussi', 'stonebraker', 'sutherland', 'tarjan', 'thompson', 'torvalds', 'turing',
  'vaughan', 'vonneumann', 'wilkes', 'wirth', 'wozniak', 'yalow', 'yonath', 'zuse',
];

/** A name from two random indexes (each in [0, 1)); `retry` > 0 appends a digit as Docker does. */
export function makeName(a: number, b: number, retry = 0): string {
  const adj = ADJECTIVES[Math.floor(a * ADJECTIVES.length) % ADJECTIVES.length]!;
  const sur = SURNAMES[Math.floor(b * SURNAMES.length) % SURNAMES.length]!;
  return retry > 0 ? `${adj}_${sur}${Math.floor(b * 10)}` : `${adj}_${sur}`;
}

/** Docker's rule for names a user gives: `[a-zA-Z0-9][a-zA-Z0-9_.-]+`. */
export const VALID_NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
