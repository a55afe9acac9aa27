/**
 * The one memo helper of the site: a function's results remembered by its
 * arguments (objects by identity, anything else by value) for the life of the
 * process. Everything the site caches goes through here, so what is cached, by
 * what and for how long is said once.
 *
 * Content stays fresh in `next dev` without a special case: the content readers
 * (lib/content.ts) hand back the same objects while their files are unchanged
 * and new ones when an editor saves, so a result remembered for an article or
 * a list of articles is never asked for again once the file behind it changes.
 *
 * `next dev` also looks at the content folder at most once per request (the
 * listing and each file's change time), with React's request cache, in
 * lib/content.ts and lib/articles.ts: that is a second tool on purpose, since
 * its scope is one request and not the process.
 *
 * A production build or server keeps each store on globalThis under its name:
 * Next bundles pages and route handlers apart, each with its own copy of every
 * module, and a store per copy would compute everything once per bundle. `next
 * dev` keeps stores per module copy instead, so code edited under hot reload
 * never reads results its old version remembered.
 */

/** An argument a memo can key on. */
type MemoKey = object | string | number | boolean | bigint | symbol | null | undefined;

/** One level of the store: the next argument's branches, and the result when the arguments end here. */
interface MemoNode {
  byObject?: WeakMap<object, MemoNode>;
  byValue?: Map<unknown, MemoNode>;
  result?: { readonly value: unknown };
}

declare global {
  // Shared by every copy of lib/memo.ts in a production process; see above.
  var zhNewsMemoStores: Map<string, MemoNode> | undefined;
}

const shareAcrossBundles = process.env.NODE_ENV === 'production';

function rootNode(name: string): MemoNode {
  if (!shareAcrossBundles) return {};
  const stores = (globalThis.zhNewsMemoStores ??= new Map<string, MemoNode>());
  let root = stores.get(name);
  if (!root) {
    root = {};
    stores.set(name, root);
  }
  return root;
}

function branch(node: MemoNode, key: MemoKey): MemoNode {
  let next: MemoNode | undefined;
  if ((typeof key === 'object' && key !== null) || typeof key === 'function') {
    node.byObject ??= new WeakMap();
    next = node.byObject.get(key);
    if (!next) node.byObject.set(key, (next = {}));
  } else {
    node.byValue ??= new Map();
    next = node.byValue.get(key);
    if (!next) node.byValue.set(key, (next = {}));
  }
  return next;
}

/**
 * Remembers `compute`'s result for each list of arguments, once per process.
 * Exceptions are not remembered: the next call tries again.
 * @example const getLabels = memo('labels', (script: Script) => convertLabels(script))
 */
export function memo<Args extends readonly MemoKey[], Result>(
  name: string,
  compute: (...args: Args) => Result,
): (...args: Args) => Result {
  const root = rootNode(name);
  const remembered = (...args: Args): Result => {
    let node = root;
    for (const arg of args) node = branch(node, arg);
    node.result ??= { value: compute(...args) };
    // The node under these arguments only ever holds what `compute` returned for them.
    return node.result.value as Result;
  };
  return remembered;
}
