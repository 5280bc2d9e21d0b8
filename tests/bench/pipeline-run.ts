/** One timed pipeline run in its own process, so that its peak memory is its own. Prints JSON. */
import { runPipeline } from '../../pipelines/run.ts';

const [inDir, referenceDir, outDir] = process.argv.slice(2) as [string, string, string];
const started = performance.now();
const result = await runPipeline({ inDir, referenceDir, outDir, maxRejectRate: 0.01, rejectsPath: `${outDir}-rejects.csv` });
const seconds = (performance.now() - started) / 1000;
console.log(
	JSON.stringify({
		published: result.published,
		rows: result.summary.rows_read,
		seconds,
		peak_rss_mib: Math.round(process.resourceUsage().maxRSS / 1024),
	}),
);
