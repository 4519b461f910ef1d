import { type ChangeRule, changeOf } from "../rule";

export const partitioningChanged: ChangeRule = {
  id: "partitioning-changed",
  title: "Partitioning changed",
  level: "breaking",
  scope: "port",
  datacontractCli: [],
  description: "Partition columns are the table layout: readers' partition filters and incremental loads depend on them.",
  action: "keep the partitioning, or change it in a new major",
  detect(pair) {
    return pair.objects.flatMap(({ base, head }) => {
      const keys = (o: typeof base) => o.properties.filter((p) => p.raw.partitioned === true).sort((a, b) => (a.raw.partitionKeyPosition ?? 0) - (b.raw.partitionKeyPosition ?? 0)).map((p) => p.name);
      const before = keys(base);
      const after = keys(head);
      if (before.join() === after.join()) return [];
      return [changeOf(this, { port: head.name, path: `${head.path}.partitioned`, old: before, new: after, message: `partition columns of ${head.name} changed` })];
    });
  },
};
