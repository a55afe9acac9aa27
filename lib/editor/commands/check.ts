// npm run check: validates all content without a build, prints every problem, exits 1 on any.
import { checkContent, formatCheckSummary } from '@/lib/editor/check';
import { formatProblem } from '@/lib/content';

const report = checkContent();
for (const problem of report.problems) console.error(formatProblem(problem));

console.log(formatCheckSummary(report));
if (report.problems.length > 0) {
  console.error(`${report.problems.length} problem(s) found; nothing is published until they are fixed.`);
  process.exitCode = 1;
} else {
  console.log('Content is valid.');
}
