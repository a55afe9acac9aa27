import type { ArticleView } from '@/lib/article-view';
import { getLabels } from '@/lib/labels';
import { searchFilePath, topicsPage } from '@/lib/paths';
import { scriptPath, type Script } from '@/lib/script';
import type { SearchIndexInfo } from '@/lib/search/query';
import type { Topic } from '@/lib/topics';
import { ArticleList } from './article-list';
import { TopicList } from './topic-list';

/**
 * The search page's content. The page is the same static HTML for every query: the search
 * script (lib/search/client.ts, loaded from /search/) reads `?q=`, hides the notice that
 * search needs JavaScript and fills the results. Without the script, the notice stays and
 * the newest articles and the topics are the way in.
 */
export function SearchPageContent(props: {
  readonly script: Script;
  readonly index: SearchIndexInfo;
  /** The file name of the search script under /search/. */
  readonly scriptFile: string;
  readonly newest: readonly ArticleView[];
  readonly topics: readonly Topic[];
}) {
  const { script, index } = props;
  const labels = getLabels(script);
  const topicsLink = (
    <p className="search-topics-link">
      <a href={scriptPath(script, topicsPage)}>{labels.allTopics}</a>
    </p>
  );
  return (
    <div
      id="search"
      className="search"
      data-base={searchFilePath('')}
      data-version={index.version}
      data-script={script}
      data-documents={index.documentCount}
      data-shards={index.shardCount}
      data-chunk={index.chunkSize}
      data-label-prompt={labels.searchPrompt}
      data-label-loading={labels.searchLoading}
      data-label-count={labels.searchCount}
      data-label-none={labels.searchNone}
      data-label-failed={labels.searchFailed}
      data-label-cut={labels.searchCut}
      data-label-more={labels.searchMore}
    >
      <p className="search-needs-js">{labels.searchNeedsJs}</p>
      <ScriptOwned className="search-live" />
      <div className="search-empty" hidden>
        <TopicList script={script} topics={props.topics} />
        {topicsLink}
      </div>
      <div className="search-fallback">
        {topicsLink}
        <h2 className="search-latest">{labels.articles}</h2>
        <ArticleList views={props.newest} labels={labels} />
      </div>
      <script src={searchFilePath(props.scriptFile)} defer />
    </div>
  );
}

/**
 * An element whose children belong to the search script: its status line, results and
 * "more" button. React writes it empty and, because of the (empty) inner HTML, never
 * hydrates its children, so `next start`'s hydration cannot replace what the script wrote.
 * No HTML is ever written here: the script builds nodes with textContent.
 */
function ScriptOwned({ className }: { readonly className: string }) {
  return <div className={className} dangerouslySetInnerHTML={{ __html: '' }} />;
}
