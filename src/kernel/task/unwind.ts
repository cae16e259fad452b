// Control transfers that end a program's current run: exit, execve and death by signal.
// They travel as exceptions from the system call that caused them up through the program's own
// frames to the kernel's run loop. They are not SysErrors, so a program that catches only
// SysErrors (as every program must) lets them pass.

import type { ProgramMain } from '../../abi/program.ts';

export class TaskUnwind extends Error {
  constructor(what: string) {
    super(what);
    this.name = 'TaskUnwind';
  }
}

/** _exit(2) or death by signal: the task ends with this wait(2) status. */
export class ExitUnwind extends TaskUnwind {
  constructor(readonly status: number) {
    super('process exited');
  }
}

/** execve(2) succeeded: the task goes on running `main`. */
export class ExecUnwind extends TaskUnwind {
  constructor(readonly main: ProgramMain) {
    super('process image replaced');
  }
}
