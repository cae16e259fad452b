// The x86-64 system calls strace knows, by name: the number (it orders -c's table) and the
// classes -e trace=%CLASS selects. Taken from strace 6.1's syscall table; one letter a class:
// d %desc, f %file, i %ipc, n %net, p %process, s %signal, m %memory, S %stat, L %lstat,
// F %fstat, A %%stat, t %statfs, T %fstatfs, a %%statfs, u %pure, c %creds, k %clock.

const TABLE = [
  'read:0:d write:1:d open:2:df close:3:d stat:4:fSA fstat:5:dFA lstat:6:fLA poll:7:d lseek:8:d ',
  'mmap:9:dm mprotect:10:m munmap:11:m brk:12:m rt_sigaction:13:s rt_sigprocmask:14:s ',
  'rt_sigreturn:15:s ioctl:16:d pread64:17:d pwrite64:18:d readv:19:d writev:20:d access:21:f ',
  'pipe:22:d select:23:d sched_yield:24: mremap:25:m msync:26:m mincore:27:m madvise:28:m ',
  'shmget:29:i shmat:30:im shmctl:31:i dup:32:d dup2:33:d pause:34:s nanosleep:35: getitimer:36: ',
  'alarm:37: setitimer:38: getpid:39:u sendfile:40:dn socket:41:n connect:42:n accept:43:n ',
  'sendto:44:n recvfrom:45:n sendmsg:46:n recvmsg:47:n shutdown:48:n bind:49:n listen:50:n ',
  'getsockname:51:n getpeername:52:n socketpair:53:n setsockopt:54:n getsockopt:55:n clone:56:p ',
  'fork:57:p vfork:58:p execve:59:fp exit:60:p wait4:61:p kill:62:sp uname:63: semget:64:i ',
  'semop:65:i semctl:66:i shmdt:67:im msgget:68:i msgsnd:69:i msgrcv:70:i msgctl:71:i fcntl:72:d ',
  'flock:73:d fsync:74:d fdatasync:75:d truncate:76:f ftruncate:77:d getdents:78:d getcwd:79:f ',
  'chdir:80:f fchdir:81:d rename:82:f mkdir:83:f rmdir:84:f creat:85:df link:86:f unlink:87:f ',
  'symlink:88:f readlink:89:f chmod:90:f fchmod:91:d chown:92:f fchown:93:d lchown:94:f umask:95: ',
  'gettimeofday:96:k getrlimit:97: getrusage:98: sysinfo:99: times:100: ptrace:101: getuid:102:cu ',
  'syslog:103: getgid:104:cu setuid:105:c setgid:106:c geteuid:107:cu getegid:108:cu setpgid:109: ',
  'getppid:110:u getpgrp:111:u setsid:112: setreuid:113:c setregid:114:c getgroups:115:c ',
  'setgroups:116:c setresuid:117:c getresuid:118:c setresgid:119:c getresgid:120:c getpgid:121: ',
  'setfsuid:122:c setfsgid:123:c getsid:124: capget:125:c capset:126:c rt_sigpending:127:s ',
  'rt_sigtimedwait:128:s rt_sigqueueinfo:129:sp rt_sigsuspend:130:s sigaltstack:131:s utime:132:f ',
  'mknod:133:f uselib:134:f personality:135: ustat:136:a statfs:137:fta fstatfs:138:dTa sysfs:139: ',
  'getpriority:140: setpriority:141: sched_setparam:142: sched_getparam:143: ',
  'sched_setscheduler:144: sched_getscheduler:145: sched_get_priority_max:146: ',
  'sched_get_priority_min:147: sched_rr_get_interval:148: mlock:149:m munlock:150:m mlockall:151:m ',
  'munlockall:152:m vhangup:153: modify_ldt:154: pivot_root:155:f _sysctl:156: prctl:157:c ',
  'arch_prctl:158: adjtimex:159:k setrlimit:160: chroot:161:f sync:162: acct:163:f ',
  'settimeofday:164:k mount:165:f umount2:166:f swapon:167:f swapoff:168:f reboot:169: ',
  'sethostname:170: setdomainname:171: iopl:172: ioperm:173: create_module:174: init_module:175: ',
  'delete_module:176: get_kernel_syms:177: query_module:178: quotactl:179:f nfsservctl:180: ',
  'getpmsg:181:n putpmsg:182:n afs_syscall:183: tuxcall:184: security:185: gettid:186:u ',
  'readahead:187:d setxattr:188:f lsetxattr:189:f fsetxattr:190:d getxattr:191:f lgetxattr:192:f ',
  'fgetxattr:193:d listxattr:194:f llistxattr:195:f flistxattr:196:d removexattr:197:f ',
  'lremovexattr:198:f fremovexattr:199:d tkill:200:sp time:201:k futex:202: sched_setaffinity:203: ',
  'sched_getaffinity:204: set_thread_area:205: io_setup:206:m io_destroy:207:m io_getevents:208: ',
  'io_submit:209: io_cancel:210: get_thread_area:211: lookup_dcookie:212: epoll_create:213:d ',
  'epoll_ctl_old:214: epoll_wait_old:215: remap_file_pages:216:m getdents64:217:d ',
  'set_tid_address:218: restart_syscall:219: semtimedop:220:i fadvise64:221:d timer_create:222: ',
  'timer_settime:223: timer_gettime:224: timer_getoverrun:225: timer_delete:226: ',
  'clock_settime:227:k clock_gettime:228:k clock_getres:229:k clock_nanosleep:230: exit_group:231:p ',
  'epoll_wait:232:d epoll_ctl:233:d tgkill:234:sp utimes:235:f vserver:236: mbind:237:m ',
  'set_mempolicy:238:m get_mempolicy:239:m mq_open:240:d mq_unlink:241: mq_timedsend:242:d ',
  'mq_timedreceive:243:d mq_notify:244:d mq_getsetattr:245:d kexec_load:246: waitid:247:p ',
  'add_key:248: request_key:249: keyctl:250: ioprio_set:251: ioprio_get:252: inotify_init:253:d ',
  'inotify_add_watch:254:df inotify_rm_watch:255:d migrate_pages:256:m openat:257:df mkdirat:258:df ',
  'mknodat:259:df fchownat:260:df futimesat:261:df newfstatat:262:dfFA unlinkat:263:df ',
  'renameat:264:df linkat:265:df symlinkat:266:df readlinkat:267:df fchmodat:268:df ',
  'faccessat:269:df pselect6:270:d ppoll:271:d unshare:272: set_robust_list:273: ',
  'get_robust_list:274: splice:275:d tee:276:d sync_file_range:277:d vmsplice:278:d ',
  'move_pages:279:m utimensat:280:df epoll_pwait:281:d signalfd:282:ds timerfd_create:283:d ',
  'eventfd:284:d fallocate:285:d timerfd_settime:286:d timerfd_gettime:287:d accept4:288:n ',
  'signalfd4:289:ds eventfd2:290:d epoll_create1:291:d dup3:292:d pipe2:293:d inotify_init1:294:d ',
  'preadv:295:d pwritev:296:d rt_tgsigqueueinfo:297:ps perf_event_open:298:d recvmmsg:299:n ',
  'fanotify_init:300:d fanotify_mark:301:df prlimit64:302: name_to_handle_at:303:df ',
  'open_by_handle_at:304:d clock_adjtime:305:k syncfs:306:d sendmmsg:307:n setns:308:d getcpu:309: ',
  'process_vm_readv:310: process_vm_writev:311: kcmp:312: finit_module:313:d sched_setattr:314: ',
  'sched_getattr:315: renameat2:316:df seccomp:317: getrandom:318: memfd_create:319:d ',
  'kexec_file_load:320:d bpf:321:d execveat:322:dfp userfaultfd:323:d membarrier:324: mlock2:325:m ',
  'copy_file_range:326:d preadv2:327:d pwritev2:328:d pkey_mprotect:329:m pkey_alloc:330: ',
  'pkey_free:331: statx:332:dfFA io_pgetevents:333: rseq:334: pidfd_send_signal:424:dsp ',
  'io_uring_setup:425:d io_uring_enter:426:ds io_uring_register:427:dm open_tree:428:df ',
  'move_mount:429:df fsopen:430:d fsconfig:431:df fsmount:432:d fspick:433:df pidfd_open:434:d ',
  'clone3:435:p close_range:436: openat2:437:df pidfd_getfd:438:d faccessat2:439:df ',
  'process_madvise:440:d epoll_pwait2:441:d mount_setattr:442:df quotactl_fd:443:d ',
  'landlock_create_ruleset:444:d landlock_add_rule:445:d landlock_restrict_self:446:d ',
  'memfd_secret:447:d process_mrelease:448:d futex_waitv:449: set_mempolicy_home_node:450:m ',
].join('');

export interface SyscallInfo {
  nr: number;
  classes: string;
}

export const SYSCALLS: ReadonlyMap<string, SyscallInfo> = new Map(
  TABLE.trim().split(' ').map((entry): [string, SyscallInfo] => {
    const [name, nr, classes] = entry.split(':') as [string, string, string];
    return [name, { nr: Number(nr), classes }];
  }),
);

/** -e trace=%CLASS (and the legacy names without %) to the class letter. */
export const TRACE_CLASSES: Readonly<Record<string, string>> = {
  '%desc': 'd', '%file': 'f', '%memory': 'm', '%process': 'p', '%creds': 'c', '%signal': 's', '%ipc': 'i',
  '%net': 'n', '%network': 'n', '%stat': 'S', '%lstat': 'L', '%fstat': 'F', '%%stat': 'A', '%statfs': 't',
  '%fstatfs': 'T', '%%statfs': 'a', '%pure': 'u', '%clock': 'k',
  desc: 'd', file: 'f', memory: 'm', process: 'p', signal: 's', ipc: 'i', network: 'n',
};
