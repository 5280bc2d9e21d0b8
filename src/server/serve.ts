/** npm run serve (and npm run preview, which vite build names): serves the built site (build/, or the folder given) without rebuilding. */
import { serveForOperator } from './static-server.ts';

const port = Number(process.env.PORT ?? 4173);
const dir = process.argv[2];
await serveForOperator(dir ?? 'build', port, process.env.HOST ?? '127.0.0.1', dir ? `npm run serve -- ${dir}` : 'npm run serve');
console.log(`Serving ${process.argv[2] ?? 'build'} at http://localhost:${port}/`);
