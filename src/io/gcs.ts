/** Cloud Storage tables: streamed reads, whole-object reads with generation, guarded writes. */
export { openGcsRead, readGcsObject, statGcsObject, type GsUri } from './gcs-read.js';
export { writeGcsTable, writeGcsObject, createGcsObjectIfAbsent, putGuarded, deleteGcsObject } from './gcs-write.js';
