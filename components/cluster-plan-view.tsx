import type { ClusterPlan } from "@/lib/domain/cluster-plan";

/** The exact cluster changes of a request: topic and configs, each ACL binding, the SCRAM user. */
export function ClusterPlanView({ plan }: { plan: ClusterPlan }) {
  return (
    <div className="space-y-3 text-sm">
      {plan.topic ? (
        <div>
          <h4 className="font-medium">Topic</h4>
          <p className="font-mono">
            {plan.topic.name}: {plan.topic.partitions} partitions, replication factor {plan.topic.replicationFactor}
          </p>
          <ul className="font-mono text-xs text-slate-700">
            {Object.entries(plan.topic.configs).map(([name, value]) => (
              <li key={name}>
                {name}={value}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div>
        <h4 className="font-medium">ACL bindings</h4>
        <table className="mt-1 w-full text-left font-mono text-xs">
          <thead className="text-slate-600">
            <tr>
              <th className="pr-2">Principal</th>
              <th className="pr-2">Resource</th>
              <th className="pr-2">Name</th>
              <th className="pr-2">Pattern</th>
              <th className="pr-2">Operation</th>
              <th>Permission</th>
            </tr>
          </thead>
          <tbody>
            {plan.acls.map((acl) => (
              <tr key={`${acl.resourceType}|${acl.resourceName}|${acl.operation}`}>
                <td className="pr-2">{acl.principal}</td>
                <td className="pr-2">{acl.resourceType}</td>
                <td className="pr-2">{acl.resourceName}</td>
                <td className="pr-2">{acl.patternType}</td>
                <td className="pr-2">{acl.operation}</td>
                <td>{acl.permission}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div>
        <h4 className="font-medium">SCRAM user</h4>
        <p className="font-mono">{plan.scramUser} (SCRAM-SHA-512, created if it does not exist)</p>
      </div>
    </div>
  );
}
