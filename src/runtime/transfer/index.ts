// Moving images in and out of the engine: docker save/load/export/import.

export { planSave, saveChunks, saveImages, selectImages, SaveError } from './save.ts';
export { applyLoad, LoadError, planLoad } from './load.ts';
export { tarOfMerged, tarOfMergedChunks } from './export.ts';
export { applyChanges, importImage, ImportError } from './import.ts';
