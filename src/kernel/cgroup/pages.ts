// The page size cgroup memory is counted in, on its own so the accounting that runs from boot
// does not pull in the parsers of the control files (parse.ts), which load with those files.

export const PAGE_SIZE = 4096;
