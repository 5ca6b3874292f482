/**
 * A binary min-heap of (key, node) entries without decrease-key: a node may be pushed again with a
 * smaller key, and the caller skips entries it has already settled. Cheaper than an indexed heap
 * for Dijkstra, and deterministic: the same pushes give the same pops.
 */
export class LazyMinHeap {
  private keys: Float64Array;
  private nodes: Int32Array;
  private size = 0;
  /** key of the entry `pop()` returned last */
  lastKey = 0;

  constructor(capacity = 1024) {
    this.keys = new Float64Array(capacity);
    this.nodes = new Int32Array(capacity);
  }

  get length(): number {
    return this.size;
  }

  clear(): void {
    this.size = 0;
  }

  push(node: number, key: number): void {
    if (this.size === this.keys.length) this.grow();
    const { keys, nodes } = this;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] <= key) break;
      keys[i] = keys[parent];
      nodes[i] = nodes[parent];
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  pop(): number {
    const { keys, nodes } = this;
    const top = nodes[0];
    this.lastKey = keys[0];
    const n = --this.size;
    if (n > 0) {
      const key = keys[n];
      const node = nodes[n];
      let i = 0;
      const half = n >> 1;
      while (i < half) {
        let child = 2 * i + 1;
        if (child + 1 < n && keys[child + 1] < keys[child]) child++;
        if (keys[child] >= key) break;
        keys[i] = keys[child];
        nodes[i] = nodes[child];
        i = child;
      }
      keys[i] = key;
      nodes[i] = node;
    }
    return top;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    const nodes = new Int32Array(this.nodes.length * 2);
    nodes.set(this.nodes);
    this.keys = keys;
    this.nodes = nodes;
  }
}
