// npm run check: validates all content without a build, prints every problem, exits 1 on any.
import { checkContent } from '@/lib/check';
import { formatProblem } from '@/lib/content';

const report = checkContent();
for (const problem of report.problems) console.error(formatProblem(problem));

const count = (state: string) => report.articles.filter((article) => article.state === state);
const scheduled = count('scheduled').map((article) => `${article.slug} (${article.date})`);
console.log(
  `${report.articles.length} article file(s) read: ${count('published').length} published, ${count('draft').length} draft(s), ` +
    `${scheduled.length} scheduled${scheduled.length ? `: ${scheduled.join(', ')}` : ''}.`,
);
if (report.problems.length > 0) {
  console.error(`${report.problems.length} problem(s) found; nothing is published until they are fixed.`);
  process.exitCode = 1;
} else {
  console.log('Content is valid.');
}
