"use client";

import { formatUtc } from "@/lib/format";
import { useActionState } from "react";

import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/actions/action-state";
import { revealCredentialAction } from "@/lib/actions/reveal-credential";
import type { RevealedCredential } from "@/lib/data/credentials/reveal-credential";

function clientProperties(credential: RevealedCredential): string {
  return [
    `bootstrap.servers=${credential.bootstrapServers.join(",")}`,
    `security.protocol=${credential.securityProtocol}`,
    `sasl.mechanism=${credential.mechanism}`,
    `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${credential.username}" password="${credential.password}";`,
    `# Consumer group ids must start with ${credential.consumerGroupPrefix}`,
    `group.id=${credential.consumerGroupPrefix}main`,
  ].join("\n");
}

/**
 * Shows the credential state, and the password once right after it is revealed. The password
 * lives only in this component's state: a reload shows the "already shown" state instead.
 */
export function CredentialPanel({
  applicationId,
  applicationName,
  credential,
}: {
  applicationId: string;
  applicationName: string;
  credential: { username: string; ready: boolean; revealedAt: string | null } | null;
}) {
  const [state, formAction] = useActionState(revealCredentialAction, IDLE);

  if (state.status === "success" && state.data) {
    const revealed = state.data;
    return (
      <div className="space-y-2 rounded-md border border-green-300 bg-green-50 p-3 text-sm" data-testid="revealed-credential">
        <FormMessage state={state} />
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 font-mono text-xs">
          <dt>Username</dt>
          <dd data-testid="credential-username">{revealed.username}</dd>
          <dt>Password</dt>
          <dd data-testid="credential-password" className="break-all">
            {revealed.password}
          </dd>
          <dt>Mechanism</dt>
          <dd>{revealed.mechanism}</dd>
          <dt>Bootstrap</dt>
          <dd>{revealed.bootstrapServers.join(",")}</dd>
          <dt>Group prefix</dt>
          <dd>{revealed.consumerGroupPrefix}</dd>
        </dl>
        <label htmlFor={`properties-${applicationId}`} className="block text-xs font-medium">
          Client configuration (Java properties)
        </label>
        <textarea
          id={`properties-${applicationId}`}
          readOnly
          rows={6}
          className="w-full rounded border border-slate-300 bg-white p-2 font-mono text-xs"
          value={clientProperties(revealed)}
        />
        <button
          type="button"
          className="rounded border border-slate-300 bg-white px-2 py-1 text-xs"
          onClick={() => void navigator.clipboard?.writeText(clientProperties(revealed))}
        >
          Copy configuration
        </button>
      </div>
    );
  }

  if (!credential) {
    return <p className="text-xs text-slate-600">No Kafka credential yet: it is created when a request is provisioned.</p>;
  }
  if (!credential.ready) {
    return (
      <p className="text-xs text-slate-600" data-testid="credential-state">
        Kafka user <span className="font-mono">{credential.username}</span> is being provisioned; its password can be
        shown once the request is provisioned.
      </p>
    );
  }
  if (credential.revealedAt) {
    return (
      <p className="text-xs text-slate-600" data-testid="credential-state">
        Kafka user <span className="font-mono">{credential.username}</span>: password shown on{" "}
        {formatUtc(credential.revealedAt)}. Onramp does not keep it.
      </p>
    );
  }
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="applicationId" value={applicationId} />
      <p className="text-xs text-slate-700">
        Kafka user <span className="font-mono">{credential.username}</span> is ready. Its password is shown once; have
        a secret store ready.
      </p>
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Setting password…">Show password for {applicationName}</SubmitButton>
    </form>
  );
}
