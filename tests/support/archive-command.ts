// npm run archive -- --count N --out DIR [--seed S]: writes a generated archive (see archive.ts).
import { parseArgs } from 'node:util';
import { archivePhotoDir, writeArchive } from './archive';

const { values } = parseArgs({
  options: { count: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } },
});
const count = Number(values.count);
const seed = Number(values.seed);
if (!values.out || !Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
  process.stderr.write('usage: npm run archive -- --count N --out DIR [--seed S]\n');
  process.exit(2);
}
const summary = writeArchive({ count, out: values.out, seed });
process.stdout.write(
  `archive: ${summary.slugs.length} articles in ${values.out} (${summary.drafts.length} drafts, ${summary.scheduled.length} scheduled, ` +
    `${summary.withPhoto.length} with a photo in ${archivePhotoDir}/)\n`,
);
