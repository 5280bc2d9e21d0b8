/** npm run serve: serves the built site (build/) without rebuilding. */
import { serveForOperator } from './static-server.ts';

const port = Number(process.env.PORT ?? 4173);
await serveForOperator(process.argv[2] ?? 'build', port, process.env.HOST ?? '127.0.0.1');
console.log(`Serving ${process.argv[2] ?? 'build'} at http://localhost:${port}/`);
