// Run after `vite build` (npm run build) so that `npm start` knows the build is current.
import { writeFileSync } from 'node:fs';
import { sourceHash, STAMP_FILE } from './buildStamp';

writeFileSync(STAMP_FILE, sourceHash(process.cwd()));
