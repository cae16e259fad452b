// stress 1.0.7 (Amos Waterland): fork worker processes that load the machine, wait for them,
// and say how the run went. --cpu N spins on sqrt(), --vm N allocates --vm-bytes (default 256M)
// and touches it every --vm-stride bytes, then frees it and starts again (--vm-keep keeps and
// re-dirties it, --vm-hang N sleeps N seconds holding it, 0 forever); --timeout N[smhdy] ends
// the run. Messages carry stress's own source line numbers, as the Debian build prints them.
//
// How it maps onto this kernel: memory is taken with mmap in 1 MiB pieces as the pages are
// touched, so a memory cgroup sees RSS grow and its OOM killer strikes mid-way; a CPU worker
// computes in short bursts with sched_yield between them so the scheduler and ^C get their
// turn; alarm(2) is not a call here, so a worker keeps its own deadline and sends itself
// SIGALRM when it passes, which is what the alarm would have done. --io (sync) and --hdd are
// not offered: the kernel has no sync(2), and --hdd's gigabyte of tmpfs files would live in the
// browser tab's memory.

import { isSysError, strerror } from '../../abi/errno.ts';
import { SIG, WEXITSTATUS, WIFEXITED, WIFSIGNALED, WTERMSIG } from '../../abi/signals.ts';
import type { Sys } from '../../sys/sys.ts';
import { helpText } from '../lib/help.ts';
import type { ProgramMeta } from '../lib/meta.ts';

export const meta: ProgramMeta = {
  name: 'stress', package: 'stress', version: '1.0.7',
  usage: ['[OPTION [ARG]] ...'],
  summary: 'Start worker processes that load the machine, wait for them, and say how the run went.',
  standardOptions: false,
  epilog: 'Example: stress --cpu 2 --vm 1 --vm-bytes 64M --timeout 10s\n\nNumbers may end in s, m, h, d, y (times) or B, K, M, G (sizes).',
  options: [
    { short: '?', long: 'help', help: 'display this help and exit' },
    { long: 'version', help: 'output version information and exit' },
    { short: 'v', long: 'verbose', help: 'say what each worker does' },
    { short: 'q', long: 'quiet', help: 'say only what failed' },
    { short: 'n', long: 'dry-run', help: 'start the workers, but let them do nothing' },
    { short: 't', long: 'timeout', arg: 'required', argName: 'N', help: 'stop the workers after N seconds' },
    { long: 'backoff', arg: 'required', argName: 'N', help: 'let each worker wait N microseconds before starting' },
    { short: 'c', long: 'cpu', arg: 'required', argName: 'N', help: 'start N workers computing square roots' },
    { short: 'm', long: 'vm', arg: 'required', argName: 'N', help: 'start N workers taking and freeing memory' },
    { long: 'vm-bytes', arg: 'required', argName: 'B', help: 'memory each vm worker takes (default 256M)' },
    { long: 'vm-stride', arg: 'required', argName: 'B', help: 'touch one byte every B bytes (default 4096)' },
    { long: 'vm-hang', arg: 'required', argName: 'N', help: 'hold the memory N seconds before freeing (0: for ever)' },
    { long: 'vm-keep', help: 'keep the memory and touch it again instead of freeing it' },
  ],
};

/** One mmap per this much memory touched. */
const CHUNK = 1 << 20;

class Exit extends Error {
  constructor(readonly status: number) {
    super(`exit ${status}`);
  }
}

interface Log {
  prog: string;
  level: number;
}

/** stress's out/dbg/err/wrn: the level decides what shows; err and wrn carry a line number. */
async function say(sys: Sys, log: Log, kind: 'info' | 'dbug' | 'FAIL' | 'WARN', text: string, line = 0): Promise<void> {
  const need = { info: 1, dbug: 3, FAIL: 0, WARN: 2 }[kind];
  if (log.level < need) return;
  const pid = await sys.getpid();
  const where = kind === 'FAIL' || kind === 'WARN' ? ` (${line})` : '';
  // stress's fprintf goes unchecked: a message that cannot be written is lost, nothing more.
  await sys.writeAll(kind === 'info' || kind === 'dbug' ? 1 : 2, `${log.prog}: ${kind}: [${pid}]${where} ${text}\n`).catch(unchecked);
}

/** sscanf("%lli"): an optional sign, then decimal, 0x hex or 0 octal digits; trailing text ignored. */
function scanInt(text: string): number | null {
  const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(text);
  if (!m) return null;
  const digits = m[2]!;
  const v = /^0[xX]/.test(digits) ? parseInt(digits.slice(2), 16) : digits.length > 1 && digits.startsWith('0') ? parseInt(digits, 8) : Number(digits);
  return m[1] === '-' ? -v : v;
}

/** atoll_b / atoll_s: a number whose last character may be a size or time suffix. */
async function suffixed(sys: Sys, log: Log, text: string, kind: 'b' | 's'): Promise<number> {
  const lines = kind === 'b' ? [640, 665, 672] : [694, 723, 730];
  if (text.length === 0) {
    await say(sys, log, 'FAIL', 'invalid string', lines[0]);
    throw new Exit(1);
  }
  const suffix = text[text.length - 1]!;
  const b: Record<string, number> = { b: 1, B: 1, k: 2 ** 10, K: 2 ** 10, m: 2 ** 20, M: 2 ** 20, g: 2 ** 30, G: 2 ** 30 };
  const s: Record<string, number> = { s: 1, S: 1, m: 60, M: 60, h: 3600, H: 3600, d: 86400, D: 86400, y: 31536000, Y: 31536000 };
  const table = kind === 'b' ? b : s;
  let factor = 1;
  if (suffix in table) factor = table[suffix]!;
  else if (suffix < '0' || suffix > '9') {
    await say(sys, log, 'FAIL', `unrecognized suffix: ${suffix}`, lines[1]);
    throw new Exit(1);
  }
  const value = scanInt(text);
  if (value === null) {
    await say(sys, log, 'FAIL', `invalid number: ${text}`, lines[2]);
    throw new Exit(1);
  }
  return value * factor;
}

interface Plan {
  timeout: number;
  backoff: number;
  cpu: number;
  vm: number;
  vmBytes: number;
  vmStride: number;
  vmHang: number;
  vmKeep: boolean;
  dryRun: boolean;
}

async function parse(sys: Sys, log: Log): Promise<Plan | 'usage' | 'version'> {
  const argv = sys.argv;
  const plan: Plan = { timeout: 0, backoff: 3000, cpu: 0, vm: 0, vmBytes: 256 * 2 ** 20, vmStride: 4096, vmHang: -1, vmKeep: false, dryRun: false };
  if (argv.length < 2) return 'usage';
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    // assert_arg: the next word must exist and not look like an option (a negative number may).
    const value = async (name: string, line: number): Promise<string> => {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && !/^[0-9]$/.test(next[1] ?? ''))) {
        await say(sys, log, 'FAIL', `missing argument to option '${name}'`, line);
        throw new Exit(1);
      }
      i++;
      return next;
    };
    const fail = async (text: string, line: number): Promise<never> => {
      await say(sys, log, 'FAIL', text, line);
      throw new Exit(1);
    };
    if (arg === '--help' || arg === '-?') return 'usage';
    if (arg === '--version') return 'version';
    if (arg === '--verbose' || arg === '-v') log.level = 3;
    else if (arg === '--quiet' || arg === '-q') log.level = 0;
    else if (arg === '--dry-run' || arg === '-n') plan.dryRun = true;
    else if (arg === '--backoff') {
      const text = await value('--backoff', 142);
      const n = scanInt(text);
      if (n === null) await fail(`invalid number: ${text}`, 145);
      if (n! < 0) await fail(`invalid backoff factor: ${n}`, 150);
      plan.backoff = n!;
      await say(sys, log, 'dbug', `setting backoff coeffient to ${n}us`);
    } else if (arg === '--timeout' || arg === '-t') {
      plan.timeout = await suffixed(sys, log, await value('--timeout', 157), 's');
      if (plan.timeout <= 0) await fail(`invalid timeout value: ${plan.timeout}s`, 161);
    } else if (arg === '--cpu' || arg === '-c') {
      plan.cpu = await suffixed(sys, log, await value('--cpu', 167), 'b');
      if (plan.cpu <= 0) await fail(`invalid number of cpu hogs: ${plan.cpu}`, 171);
    } else if (arg === '--vm' || arg === '-m') {
      plan.vm = await suffixed(sys, log, await value('--vm', 187), 'b');
      if (plan.vm <= 0) await fail(`invalid number of vm hogs: ${plan.vm}`, 191);
    } else if (arg === '--vm-bytes') {
      plan.vmBytes = await suffixed(sys, log, await value('--vm-bytes', 197), 'b');
      if (plan.vmBytes <= 0) await fail(`invalid vm byte value: ${plan.vmBytes}`, 201);
    } else if (arg === '--vm-stride') {
      plan.vmStride = await suffixed(sys, log, await value('--vm-stride', 207), 'b');
      if (plan.vmStride <= 0) await fail(`invalid stride value: ${plan.vmStride}`, 211);
    } else if (arg === '--vm-hang') {
      plan.vmHang = await suffixed(sys, log, await value('--vm-hang', 217), 'b');
      if (plan.vmHang < 0) await fail(`invalid value: ${plan.vmHang}`, 221);
    } else if (arg === '--vm-keep') plan.vmKeep = true;
    else await fail(`unrecognized option: ${arg}`, 251);
  }
  if (plan.cpu + plan.vm === 0) return 'usage';
  return plan;
}

function unchecked(e: unknown): void {
  if (!isSysError(e)) throw e;
}

export default async function stress(sys: Sys): Promise<number> {
  const argv0 = sys.argv[0] ?? 'stress';
  const log: Log = { prog: argv0.slice(argv0.lastIndexOf('/') + 1), level: 2 };
  let plan: Plan | 'usage' | 'version';
  try {
    plan = await parse(sys, log);
  } catch (e) {
    if (e instanceof Exit) return e.status;
    throw e;
  }
  if (plan === 'usage' || plan === 'version') {
    await sys.writeAll(1, plan === 'usage' ? helpText(meta) : `${log.prog} 1.0.7\n`).catch(unchecked);
    return 0;
  }
  return run(sys, log, plan);
}

async function seconds(sys: Sys): Promise<number> {
  return Number((await sys.clockGettime(0)) / 1_000_000_000n);
}

async function run(sys: Sys, log: Log, plan: Plan): Promise<number> {
  const start = await seconds(sys);
  await say(sys, log, 'info', `dispatching hogs: ${plan.cpu} cpu, 0 io, ${plan.vm} vm, 0 hdd`);
  const backoff = plan.backoff * (plan.cpu + plan.vm);
  await say(sys, log, 'dbug', `using backoff sleep of ${backoff}us`);
  if (plan.timeout) await say(sys, log, 'dbug', `setting timeout to ${plan.timeout}s`);

  let children = 0;
  let cpu = plan.cpu;
  let vm = plan.vm;
  const spawn = async (kind: 'hogcpu' | 'hogvm', n: number, work: (w: Sys, deadline: number) => Promise<number>): Promise<void> => {
    try {
      const pid = await sys.fork(async (w) => {
        const deadline = plan.timeout ? (await monotonicMs(w)) + plan.timeout * 1000 : Infinity;
        if (backoff) await w.sleep(backoff / 1000);
        if (plan.dryRun) return 0;
        return work(w, deadline);
      });
      await say(sys, log, 'dbug', `--> ${kind} worker ${n} [${pid}] forked`);
      children++;
    } catch (e) {
      if (!isSysError(e)) throw e;
      await say(sys, log, 'FAIL', `fork failed: ${strerror(e.code)}`, kind === 'hogcpu' ? 295 : 340);
    }
  };
  while (cpu + vm) {
    if (cpu) await spawn('hogcpu', cpu--, hogcpu);
    if (vm) await spawn('hogvm', vm--, (w, deadline) => hogvm(w, log, plan, deadline));
  }

  let retval = 0;
  const reap = async (line: number): Promise<void> => {
    await say(sys, log, 'WARN', 'now reaping child worker processes', line + 2);
    await sys.sigaction(SIG.SIGUSR1, 'ignore');
    try {
      await sys.kill(-(await sys.getpid()), SIG.SIGUSR1);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await say(sys, log, 'FAIL', `kill error: ${strerror(e.code)}`, line + 6);
    }
  };
  while (children) {
    let pid: number;
    let status: number;
    try {
      [pid, status] = await sys.wait4(-1);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await say(sys, log, 'FAIL', `error waiting for worker: ${strerror(e.code)}`, 451);
      retval++;
      break;
    }
    children--;
    if (WIFEXITED(status)) {
      const ret = WEXITSTATUS(status);
      if (ret === 0) await say(sys, log, 'dbug', `<-- worker ${pid} returned normally`);
      else {
        await say(sys, log, 'FAIL', `<-- worker ${pid} returned error ${ret}`, 404);
        retval++;
        await reap(404);
      }
    } else if (WIFSIGNALED(status)) {
      const sig = WTERMSIG(status);
      if (sig === SIG.SIGALRM) await say(sys, log, 'dbug', `<-- worker ${pid} signalled normally`);
      else if (sig === SIG.SIGUSR1) await say(sys, log, 'dbug', `<-- worker ${pid} reaped`);
      else {
        await say(sys, log, 'FAIL', `<-- worker ${pid} got signal ${sig}`, 425);
        retval++;
        await reap(425);
      }
    } else {
      await say(sys, log, 'FAIL', `<-- worker ${pid} exited abnormally`, 436);
      retval++;
    }
  }
  const took = (await seconds(sys)) - start;
  if (retval) await say(sys, log, 'FAIL', `failed run completed in ${took}s`, 461);
  else await say(sys, log, 'info', `successful run completed in ${took}s`);
  return retval;
}

/** Milliseconds on the kernel's monotonic clock. */
async function monotonicMs(w: Sys): Promise<number> {
  return Number((await w.clockGettime(1)) / 1_000_000n);
}

/** The alarm the worker would have set: past the deadline it signals itself. */
async function checkAlarm(w: Sys, deadline: number): Promise<void> {
  if (deadline !== Infinity && (await monotonicMs(w)) >= deadline) {
    await w.kill(await w.getpid(), SIG.SIGALRM);
    // The signal ends the process at this call's return; wait for it in case it is blocked.
    for (;;) await w.sleep(1000);
  }
}

/** Sleep `ms` (Infinity: forever), or until the deadline, whichever comes first. */
async function sleepUntil(w: Sys, ms: number, deadline: number): Promise<void> {
  const end = Math.min((await monotonicMs(w)) + ms, deadline);
  for (let now = await monotonicMs(w); now < end; now = await monotonicMs(w)) {
    await w.sleep(Math.min(end - now, 2 ** 30));
  }
  await checkAlarm(w, deadline);
}

/** sqrt(rand()) forever, in bursts of well under a millisecond between yields. */
async function hogcpu(w: Sys, deadline: number): Promise<number> {
  let sink = 0;
  for (;;) {
    for (let i = 0; i < 20000; i++) sink += Math.sqrt(Math.random() * 2147483647);
    if (sink < 0) return 1;
    await w.yield();
    await checkAlarm(w, deadline);
  }
}

async function hogvm(w: Sys, log: Log, plan: Plan, deadline: number): Promise<number> {
  const { vmBytes: bytes, vmStride: stride, vmHang: hang, vmKeep: keep } = plan;
  let maps: number[] = [];
  let allocate = true;
  for (;;) {
    if (allocate) {
      await say(w, log, 'dbug', `allocating ${bytes} bytes ...`);
      if (keep) allocate = false;
      maps = [];
    }
    await say(w, log, 'dbug', `touching bytes in strides of ${stride} bytes ...`);
    // Touching makes the pages resident: take them a piece at a time, as the faults would.
    let held = maps.length * CHUNK;
    while (held < bytes) {
      const piece = Math.min(CHUNK, bytes - held);
      try {
        maps.push(await w.mmap(piece));
      } catch (e) {
        if (!isSysError(e)) throw e;
        await say(w, log, 'FAIL', `hogvm malloc failed: ${strerror(e.code)}`, 512);
        return 1;
      }
      held += piece;
      await w.yield();
      await checkAlarm(w, deadline);
    }
    if (hang === 0) {
      await say(w, log, 'dbug', 'sleeping forever with allocated memory');
      await sleepUntil(w, Infinity, deadline);
    } else if (hang > 0) {
      await say(w, log, 'dbug', `sleeping for ${hang}s with allocated memory`);
      await sleepUntil(w, hang * 1000, deadline);
    }
    if (allocate) {
      for (const addr of maps) await w.munmap(addr);
      maps = [];
      await say(w, log, 'dbug', `freed ${bytes} bytes`);
    } else {
      // --vm-keep: the next pass re-dirties what is held.
      await w.yield();
      await checkAlarm(w, deadline);
    }
  }
}
