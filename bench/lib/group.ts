// What a benchmark group is: a module under bench/groups/ that measures some figures and hands
// them to the runner. A figure is one number with a unit and, when the project has set one, a goal;
// the runner prints them and writes .bench/<group>.json.

export type GoalOp = '<' | '<=' | '>' | '>=' | '==';

export interface Goal {
  op: GoalOp;
  value: number;
}

export interface Figure {
  /** The figure's stable name, as issues and .bench/*.json use it ("stat_depth_ratio"). */
  name: string;
  value: number;
  /** "x" for ratios, "ns", "ms", "bytes"... */
  unit: string;
  goal?: Goal;
  /** One line on what the number is made of (both sides' absolute times, for a ratio). */
  detail?: string;
  /** Raw numbers behind the figure, kept in the JSON beside it. */
  data?: Record<string, number>;
}

export interface BenchContext {
  /** Record a figure; the runner prints it at the end and writes it to the JSON. */
  report(figure: Figure): void;
  /** Progress for the person watching (the group may take tens of seconds). */
  log(message: string): void;
}

/** The shape of a module in bench/groups/. */
export interface BenchGroup {
  description: string;
  run(ctx: BenchContext): Promise<void>;
}

export function goalMet(value: number, goal: Goal): boolean {
  switch (goal.op) {
    case '<': return value < goal.value;
    case '<=': return value <= goal.value;
    case '>': return value > goal.value;
    case '>=': return value >= goal.value;
    case '==': return value === goal.value;
  }
}
