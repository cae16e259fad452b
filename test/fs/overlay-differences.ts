// Where Linux's overlayfs itself behaves unlike a plain filesystem in the filesystem contract,
// with the reason; every overlay adapter of the contract passes this list as its `differs`.

export const OVERLAY_DIFFERENCES: Record<string, string> = {
  "the root's nlink is 2 plus its subdirectories":
    'the overlay root merges the upper and lower directories, and Linux reports nlink 1 for a merged directory (reference/overlay.md §2, observed on 6.18)',
  'RENAME_WHITEOUT leaves a whiteout (character device 0:0) at the old name':
    "Linux's ovl_rename accepts only RENAME_NOREPLACE and RENAME_EXCHANGE and answers EINVAL to RENAME_WHITEOUT",
};
