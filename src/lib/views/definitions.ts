/**
 * Every view's definition by its id in the route registry (./routes.js):
 * what the build uses to compute a view's answers for the common filter
 * changes (src/routes/answers).
 */
import type { ViewDefinition } from './context';
import { coverage } from './coverage';
import { outcomes } from './outcomes';
import { overview } from './overview';
import { sites } from './sites';
import { staffing } from './staffing';
import { survival } from './survival';
import { waitlists } from './waitlists';

export const VIEW_DEFINITIONS: Readonly<Record<string, ViewDefinition<unknown>>> = { overview, coverage, waitlists, outcomes, staffing, survival, sites };
