/** Input that cannot be used at all: the run stops with exit code 2 and this message. */
export class InputError extends Error {
	override name = 'InputError';
}
