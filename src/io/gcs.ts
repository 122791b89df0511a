/** Cloud Storage tables: streamed reads, whole-object reads with generation, guarded writes. */
export { listGcsObjects, openGcsRead, readGcsObject, statGcsObject, type GsUri } from './gcs-read.js';
export { writeGcsTable, writeGcsObject, createGcsObjectIfAbsent, putGuarded, copyGcsObject, deleteGcsObject } from './gcs-write.js';
