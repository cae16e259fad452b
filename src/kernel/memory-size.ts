// The simulated machine's memory, in one place below the filesystems: /proc/meminfo reports it
// (procfs/machine.ts re-exports it with the machine's other figures) and tmpfs and devtmpfs size
// their default limits from it, as Linux's shmem does from totalram_pages.

/** Usable memory after the kernel's own reservations, in kB (a 4 GiB machine). */
export const MEM_TOTAL_KB = 4028224;
