/** A CDP CPU profile (Profiler.stop) as the top functions by self and total time, for the bench's tools. */

export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Self time per node from the samples, then per function (name file:line:column), and total time
 * (each function counted once per sample however deep it recurses); the `count` largest of each.
 */
export function topFunctions(profile: CpuProfile, count: { self: number; total: number }) {
  type Node = CpuProfile['nodes'][number];
  const dt = new Map<number, number>();
  profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const parent = new Map<number, number>();
  for (const x of profile.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  const label = (x: Node) => {
    const f = x.callFrame;
    const file = f.url.replace(/^.*\//, '');
    return `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  for (const [id, ms] of dt) {
    const x = byId.get(id)!;
    self.set(label(x), (self.get(label(x)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur)!);
      if (seen.has(l)) continue;
      seen.add(l);
      total.set(l, (total.get(l) ?? 0) + ms);
    }
  }
  const top = (m: Map<string, number>, k: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([l, ms]) => `  ${ms.toFixed(1).padStart(8)} ms  ${l}`);
  return { self: top(self, count.self), total: top(total, count.total) };
}
