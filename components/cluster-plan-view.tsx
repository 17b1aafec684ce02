import type { AclBinding } from "@/lib/domain/acl-templates";
import type { ClusterPlan } from "@/lib/domain/cluster-plan";

function AclTable({ acls, label }: { acls: AclBinding[]; label: string }) {
  return (
    <table className="mt-1 w-full text-left font-mono text-xs" aria-label={label}>
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
        {acls.map((acl) => (
          <tr key={`${acl.resourceType}|${acl.patternType}|${acl.resourceName}|${acl.operation}`} data-testid="acl-row">
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
  );
}

/**
 * The exact cluster changes of a request: the topic and its configs, each ACL binding to create
 * or delete, and the SCRAM user.
 */
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
      {plan.acls.length > 0 ? (
        <div>
          <h4 className="font-medium">ACL bindings to create</h4>
          <AclTable acls={plan.acls} label="ACL bindings to create" />
        </div>
      ) : null}
      {plan.aclsToRemove.length > 0 ? (
        <div>
          <h4 className="font-medium">ACL bindings to delete</h4>
          <AclTable acls={plan.aclsToRemove} label="ACL bindings to delete" />
        </div>
      ) : null}
      <div>
        <h4 className="font-medium">SCRAM user</h4>
        <p className="font-mono">
          {plan.scramUser} {plan.createUser ? "(SCRAM-SHA-512, created if it does not exist)" : "(unchanged)"}
        </p>
      </div>
    </div>
  );
}
