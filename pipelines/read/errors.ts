/** Input that cannot be used at all: the run stops with exit code 2 and this message. */
export class InputError extends Error {
	override name = 'InputError';
}

/**
 * An unexpected error's message for the operator: without the native stack
 * trace DuckDB appends to its internal errors, which is for DuckDB's
 * developers (the first line names the error).
 */
export const withoutTrace = (message: string) => message.split(/\n\s*Stack Trace:/)[0]!.trim();
