"use client";

import Link from "next/link";
import { useActionState, useState } from "react";

import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/actions/action-state";
import { proposeTopicAction } from "@/lib/actions/propose-topic";
import { suggestPartitions } from "@/lib/domain/cluster-plan";
import { DATA_CLASSIFICATION_LABELS, DATA_CLASSIFICATIONS } from "@/lib/domain/environment";
import { TOPIC_RULES } from "@/lib/domain/platform-rules";

interface ProposeTopicFormProps {
  domains: Array<{ id: string; name: string; description: string }>;
  applications: Array<{ id: string; name: string; teamName: string }>;
  allowsSensitiveData: boolean;
  environmentName: string;
}

export function ProposeTopicForm({ domains, applications, allowsSensitiveData, environmentName }: ProposeTopicFormProps) {
  const [state, formAction] = useActionState(proposeTopicAction, IDLE);
  const [peak, setPeak] = useState("");
  const [eventBytes, setEventBytes] = useState("200");
  const values = state.status === "error" ? state.values : undefined;
  const errors = state.fieldErrors ?? {};
  const [partitions, setPartitions] = useState(String(TOPIC_RULES.defaultPartitions));

  if (state.status === "success" && state.data) {
    return (
      <div className="space-y-2 rounded-md bg-green-50 p-4 text-sm text-green-900" role="status">
        <p>{state.message}</p>
        <Link href={`/requests/${state.data.requestId}`} className="text-blue-700 underline">
          Follow the request
        </Link>
      </div>
    );
  }

  const suggestion = peak ? suggestPartitions(Number(peak), Number(eventBytes)) : null;

  return (
    <form action={formAction} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      <Field name="producerApplicationId" label="Producing application" errors={errors.producerApplicationId}>
        {(props) => (
          <select {...props} name="producerApplicationId" defaultValue={values?.producerApplicationId ?? ""} className={inputClass}>
            <option value="">Choose an application</option>
            {applications.map((application) => (
              <option key={application.id} value={application.id}>
                {application.name} ({application.teamName})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="domainId" label="Domain" errors={errors.domainId}>
        {(props) => (
          <select {...props} name="domainId" defaultValue={values?.domainId ?? ""} className={inputClass}>
            <option value="">Choose a domain</option>
            {domains.map((domain) => (
              <option key={domain.id} value={domain.id}>
                {domain.name}: {domain.description}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        name="name"
        label="Topic name"
        hint={`A business event in snake_case, ${TOPIC_RULES.nameMinLength} to ${TOPIC_RULES.nameMaxLength} characters, without an environment, such as decision_letter_availability.`}
        errors={errors.name}
      >
        {(props) => <input {...props} name="name" defaultValue={values?.name} className={`${inputClass} font-mono`} />}
      </Field>
      <Field name="description" label="Description" hint="What happened, when the event is published, and who may need it." errors={errors.description}>
        {(props) => <textarea {...props} name="description" rows={3} defaultValue={values?.description} className={inputClass} />}
      </Field>
      <div className="grid gap-4 md:grid-cols-2">
        <Field
          name="partitions"
          label="Partitions"
          hint={`1 to ${TOPIC_RULES.maxPartitions}. Partitions can be added later but never removed.`}
          errors={errors.partitions}
        >
          {(props) => (
            <input
              {...props}
              name="partitions"
              inputMode="numeric"
              value={partitions}
              onChange={(event) => setPartitions(event.target.value)}
              className={inputClass}
            />
          )}
        </Field>
        <Field name="retentionDays" label="Retention in days" hint={`Whole days, 1 to ${TOPIC_RULES.maxRetentionDays}.`} errors={errors.retentionDays}>
          {(props) => (
            <input
              {...props}
              name="retentionDays"
              inputMode="numeric"
              defaultValue={values?.retentionDays ?? String(TOPIC_RULES.defaultRetentionDays)}
              className={inputClass}
            />
          )}
        </Field>
      </div>
      <details className="rounded-md bg-slate-50 p-3 text-sm">
        <summary className="cursor-pointer">Help me size partitions</summary>
        <div className="mt-2 grid gap-3 md:grid-cols-2">
          <label className="text-xs">
            Peak events per second
            <input value={peak} onChange={(event) => setPeak(event.target.value)} inputMode="numeric" className={inputClass} />
          </label>
          <label className="text-xs">
            Average event size in bytes
            <input value={eventBytes} onChange={(event) => setEventBytes(event.target.value)} inputMode="numeric" className={inputClass} />
          </label>
        </div>
        {suggestion ? (
          <p className="mt-2" aria-live="polite">
            Suggested: <strong>{suggestion}</strong> partitions (about 1 MB/s or 1,000 events/s per partition).{" "}
            <button type="button" className="underline" onClick={() => setPartitions(String(suggestion))}>
              Use {suggestion}
            </button>
          </p>
        ) : null}
      </details>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Data classification</legend>
        {DATA_CLASSIFICATIONS.map((classification) => (
          <label key={classification} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="classification"
              value={classification}
              defaultChecked={(values?.classification ?? "none") === classification}
              aria-describedby={errors.classification ? "field-classification-error" : undefined}
            />
            {DATA_CLASSIFICATION_LABELS[classification]}
          </label>
        ))}
        {!allowsSensitiveData ? (
          <p className="text-xs text-slate-600">The {environmentName} environment does not accept personal or health data.</p>
        ) : null}
        {errors.classification ? (
          <ul id="field-classification-error" className="text-sm text-red-700">
            {errors.classification.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : null}
      </fieldset>
      <FormMessage state={state} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton name="intent" value="submit" pendingLabel="Submitting…">
          Submit for review
        </SubmitButton>
        <SubmitButton name="intent" value="draft" pendingLabel="Saving…" variant="secondary">
          Save as draft
        </SubmitButton>
      </div>
    </form>
  );
}
