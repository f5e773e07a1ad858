/** Disjoint sets over 0..n-1, so pairs of linked claims become groups (one fact in four documents is one group). */
export class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n).map((_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root];
    while (this.parent[i] !== root) {
      const next = this.parent[i];
      this.parent[i] = root;
      i = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  /** The sets with at least `min` members, each in ascending order. */
  groups(min = 2): number[][] {
    const by = new Map<number, number[]>();
    for (let i = 0; i < this.parent.length; i++) {
      const r = this.find(i);
      const g = by.get(r);
      if (g) g.push(i);
      else by.set(r, [i]);
    }
    return [...by.values()].filter((g) => g.length >= min);
  }
}
