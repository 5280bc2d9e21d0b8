/**
 * Every view's definition by its id in the route registry (./routes.js):
 * what the build uses to compute a view's answers for the common filter
 * changes (src/routes/answers). A route's view is ./<id>.ts, exporting
 * <id>; a route without one (a page of text) says so with `text`.
 */
import type { ViewDefinition } from './context';
import { ROUTES } from './routes.js';

const modules = import.meta.glob<Record<string, unknown>>(['./*.ts', '!./*.svelte.ts', '!./definitions.ts', '!./context.ts'], { eager: true });

export const VIEW_DEFINITIONS: Readonly<Record<string, ViewDefinition<unknown>>> = Object.fromEntries(
	ROUTES.filter((route) => !route.text).map((route) => {
		const view = modules[`./${route.id}.ts`]?.[route.id];
		if (!view) throw new Error(`the route ${route.id} has no view: src/lib/views/${route.id}.ts exporting ${route.id}`);
		return [route.id, view as ViewDefinition<unknown>];
	}),
);
