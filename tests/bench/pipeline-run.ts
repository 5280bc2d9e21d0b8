/** One timed pipeline run in its own process, so that its peak memory is its own. Prints JSON. */
import { runPipeline } from '../../pipelines/run.ts';

const [inDir, referenceDir, outDir, profile = 'internal'] = process.argv.slice(2) as [string, string, string, ('internal' | 'public')?];
const started = performance.now();
const result = await runPipeline({ inDir, referenceDir, outDir, maxRejectRate: 0.01, rejectsPath: `${outDir}-rejects.csv`, profile });
const seconds = (performance.now() - started) / 1000;
console.log(
	JSON.stringify({
		published: result.published,
		rows: result.summary.rows_read,
		seconds,
		peak_rss_mib: Math.round(process.resourceUsage().maxRSS / 1024),
		...(result.manifest?.suppression ? { suppression: result.manifest.suppression } : {}),
	}),
);
