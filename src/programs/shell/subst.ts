// Command substitution lives with the evaluator (it forks a child shell); expansion reaches it
// through this module so the dependency reads in one direction at the call site.

export { runCmdSubst } from './eval.ts';
