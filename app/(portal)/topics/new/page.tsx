import Link from "next/link";

import { requirePageCaller } from "@/lib/auth/session";
import { environmentSettings } from "@/lib/config";
import { listDomains } from "@/lib/data/domains/list-domains";
import { listCallerApplications } from "@/lib/data/teams/get-team-overview";

import { ProposeTopicForm } from "./_components/propose-topic-form";

export default async function ProposeTopicPage() {
  const caller = await requirePageCaller();
  const [domains, applications] = await Promise.all([listDomains(), listCallerApplications(caller)]);
  const producers = applications.filter((application) => application.kind !== "consumer");
  const environment = environmentSettings();

  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">Propose a topic</h1>
      <p className="text-sm text-slate-700">
        A platform administrator reviews the proposal. On approval Onramp creates the topic in the{" "}
        <strong>{environment.name}</strong> environment, write access for your application and its Kafka credential.
      </p>
      {producers.length === 0 ? (
        <p className="rounded-md bg-amber-50 p-3 text-sm">
          None of your teams has a producing application.{" "}
          <Link href="/teams" className="underline">
            Register one
          </Link>{" "}
          first.
        </p>
      ) : (
        <ProposeTopicForm
          domains={domains}
          applications={producers}
          allowsSensitiveData={environment.allowsSensitiveData}
          environmentName={environment.name}
        />
      )}
    </div>
  );
}
