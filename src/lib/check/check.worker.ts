/**
 * A Web Worker that runs one part of the check of a reader's own files
 * (./part.ts), so that the page stays responsive and every core works. It
 * reads the File objects with FileReaderSync, which only workers have, a
 * block at a time, so that no file is copied whole. Nothing is sent
 * anywhere: the worker has no network code, and the page's CSP allows none.
 */
import { buffersOf } from './columns';
import { checkPart } from './part';
import type { CheckRequest, PartMessage } from './protocol';

// Only workers have it; the project's DOM types leave it out.
declare const FileReaderSync: { new (): { readAsArrayBuffer(blob: Blob): ArrayBuffer } };

const reader = new FileReaderSync();
const post = (message: PartMessage, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(message, transfer);

self.onmessage = (event: MessageEvent<CheckRequest>) => {
	try {
		const result = checkPart(event.data, (file, start, end) => new Uint8Array(reader.readAsArrayBuffer(file.slice(start, end))), post);
		post({ type: 'done', ...result }, buffersOf(result.staged));
	} catch (error) {
		post({ type: 'failed', message: String(error) });
	}
};
