// The Dockerfile frontend: parse (parser.ts), validate and group into stages (instructions.ts),
// and the pure evaluation the builder needs (evaluate.ts, cache-key.ts). See
// ../../../../docs and the reference for the rules each file follows.

export * from './errors.ts';
export * from './parser.ts';
export * from './instructions.ts';
export * from './shell-lex.ts';
export * from './evaluate.ts';
export * from './cache-key.ts';
export * from './lint.ts';
export * from './mounts.ts';
export { formatGoDuration, parseGoDuration, goQuoteList, goList } from './go-format.ts';
