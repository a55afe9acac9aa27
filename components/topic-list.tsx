import { fillLabel, getLabels } from '@/lib/labels';
import { topicName } from '@/lib/lists';
import { topicPath } from '@/lib/paths';
import type { Script } from '@/lib/script';
import type { Topic } from '@/lib/topics';

/** Every topic with the number of its articles, the busiest first. */
export function TopicList({ script, topics }: { readonly script: Script; readonly topics: readonly Topic[] }) {
  const labels = getLabels(script);
  return (
    <ul className="topic-list">
      {topics.map((topic) => (
        <li key={topic.slug}>
          <a href={topicPath(script, topic.slug)}>{topicName(topic, script)}</a>
          <span className="topic-count">{fillLabel(labels.articleCount, { count: topic.articles.length })}</span>
        </li>
      ))}
    </ul>
  );
}
