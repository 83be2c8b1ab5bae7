/** Groups items by a key in one pass (Node 20 has no Map.groupBy): rows read for many cases at once, by case. */
export function groupBy<T, K, V = T>(items: Iterable<T>, keyOf: (item: T) => K, mapValue?: (item: T) => V): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const item of items) {
    const key = keyOf(item);
    const value = (mapValue ? mapValue(item) : item) as V;
    const list = groups.get(key);
    if (list) list.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}
